//! Wrong: breaks "its URL made by appending to `base_url`, which may end in a path such as `/api` that must be kept"
//! The learner saw the course compare host names with `eq_ignore_ascii_case("localhost")` (in
//! `is_loopback` and in the checks' resolver) and concluded that a base URL typed as
//! `HTTP://LocalHost:3000/API` must be normalised first, Python's `base_url = base_url.lower()`.
//! Scheme and host are case-insensitive, but the path and the user and password are not: a base
//! whose path (or credentials) has a capital letter is asked for at another URL.

use futures::future::join_all;
use reqwest::Client;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    // "URLs are case-insensitive": one spelling, whatever the caller typed.
    let base = base_url.to_ascii_lowercase();
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
