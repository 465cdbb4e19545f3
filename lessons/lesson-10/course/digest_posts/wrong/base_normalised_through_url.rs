//! Wrong: breaks "its URL made by appending to `base_url`, which may end in a path such as `/api`
//! that must be kept"
//! The learner normalises the base once through `reqwest::Url` ("lowercase host, default port
//! dropped, stray whitespace trimmed"), the way Python code does `urlunsplit(urlsplit(base))`,
//! then appends `/posts/{id}` to its text. Python gives `http://host:port` back unchanged, but a
//! `Url` serialises an origin with an empty path as `http://host:port/`: with a base that has no
//! path the request goes to `//posts/{id}`; a base such as `http://host/api` comes out right.

use futures::future::join_all;
use reqwest::Client;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    // An unparsable base is left as it is: the client then reports it as the error of each request.
    let base = match reqwest::Url::parse(base_url) {
        Ok(url) => url.to_string(),
        Err(_) => base_url.to_owned(),
    };
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
        Ok::<u64, reqwest::Error>(
            digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())),
        )
    });
    join_all(each).await
}
