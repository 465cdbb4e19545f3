//! Correct: the URL is a `reqwest::Url`: the base made a directory by a final slash, then the
//! relative `posts/{id}` joined to it (which keeps a base path such as `/api`, unlike joining
//! `/posts/..`); an unusable base URL is left to reqwest, whose `send()` returns the `Err`. The
//! status is checked by hand (`is_client_error() || is_server_error()`, the very test of
//! `error_for_status`), and a `JoinError` is `.expect()`ed, since `digest` never panics.

use futures::future::join_all;
use reqwest::{Client, Url};

/// `{base_url}/posts/{id}`, built as a URL; `None` when `base_url` is not one.
fn post_url(base_url: &str, id: u64) -> Option<Url> {
    let base = Url::parse(&format!("{base_url}/")).ok()?;
    base.join(&format!("posts/{id}")).ok()
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|&id| async move {
        let request = match post_url(base_url, id) {
            Some(url) => client.get(url),
            // Not a URL: reqwest keeps the parse error and `send()` returns it.
            None => client.get(format!("{base_url}/posts/{id}")),
        };
        let response = request.send().await?;
        let status = response.status();
        if status.is_client_error() || status.is_server_error() {
            return Err(response
                .error_for_status()
                .expect_err("a 4xx or 5xx is an error status"));
        }
        let body = response.bytes().await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body))
            .await
            .expect("digest never panics");
        Ok(digested)
    });
    join_all(each).await
}
