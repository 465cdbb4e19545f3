//! Wrong: breaks "its URL made by appending to `base_url`" for a base whose user or password has a capital letter (`http://Alice:S3cret@127.0.0.1:PORT/api`: the server gets `Authorization: Basic` of `alice:s3cret`)
//!
//! RFC 3986 says a URL's scheme and host are case-insensitive, and the chapter's checks send
//! `HTTP://` in capitals; so the learner canonicalises the base's origin before appending to
//! it: everything up to the end of the authority is lowercased (`HTTP://LOCALHOST:8080/Api`
//! becomes `http://localhost:8080/Api`), and the path, which is case-sensitive, is kept as
//! written, escapes and all. The authority is more than a host and a port, though: it also
//! holds `user:password@`, which is case-sensitive, and which reqwest sends as the
//! `Authorization` header. A user or a password with a capital letter reaches the server
//! lowercased. Escapes in them survive (`%3A` and `%3a` decode alike), so a password of digits,
//! lower-case letters, `:`, `+` and `%` gets through unchanged.

use futures::future::join_all;
use reqwest::Client;

/// `base_url` with its scheme and authority (everything before the path) in lower case.
fn canonical_base(base_url: &str) -> String {
    let Some(scheme_end) = base_url.find("://") else {
        return base_url.to_owned();
    };
    let authority_start = scheme_end + 3;
    let authority_len = base_url[authority_start..]
        .find(['/', '?', '#'])
        .unwrap_or(base_url.len() - authority_start);
    let origin_end = authority_start + authority_len;
    format!(
        "{}{}",
        base_url[..origin_end].to_ascii_lowercase(),
        &base_url[origin_end..]
    )
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let base = canonical_base(base_url);
    let base = base.as_str();
    let each = ids.iter().map(|id| async move {
        let body = client
            .get(format!("{base}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
