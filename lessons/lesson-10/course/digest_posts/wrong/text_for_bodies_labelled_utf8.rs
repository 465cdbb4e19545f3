//! Wrong: breaks "a successful answer's body, exactly as it arrived (its bytes, not decoded and encoded again), goes to `digest` once"
//! The learner knows from the chapter that an ISO-8859-1 body must not be re-encoded, so a body
//! whose head names a charset other than UTF-8 is read with `bytes()`; every other body (labelled
//! UTF-8, or not labelled, as JSON is UTF-8 by RFC 8259) is read with `text()`, "which for UTF-8
//! hands back the very same bytes, and checks them on the way". It does not: `text()` decodes
//! through encoding_rs, which drops a leading byte order mark and turns every byte sequence that is
//! not valid UTF-8 into U+FFFD, so a mislabelled Latin-1 body, a binary body without a charset, or
//! a body starting with EF BB BF is digested as other bytes than arrived.

use futures::future::join_all;
use reqwest::Client;
use reqwest::header::CONTENT_TYPE;

/// Whether the answer's `Content-Type` names a charset, and one that is not UTF-8.
fn names_another_charset(response: &reqwest::Response) -> bool {
    let Some(value) = response.headers().get(CONTENT_TYPE) else {
        return false;
    };
    let Ok(content_type) = value.to_str() else {
        return false;
    };
    for parameter in content_type.split(';').skip(1) {
        let Some((name, value)) = parameter.split_once('=') else {
            continue;
        };
        if name.trim().eq_ignore_ascii_case("charset") {
            let charset = value.trim().trim_matches('"');
            return !(charset.eq_ignore_ascii_case("utf-8")
                || charset.eq_ignore_ascii_case("utf8"));
        }
    }
    false
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|id| async move {
        let response = client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?;
        // A body in another charset keeps its bytes; a UTF-8 one is read as the text it is.
        let body: Vec<u8> = if names_another_charset(&response) {
            response.bytes().await?.to_vec()
        } else {
            response.text().await?.into_bytes()
        };
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok::<u64, reqwest::Error>(
            digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())),
        )
    });
    join_all(each).await
}
