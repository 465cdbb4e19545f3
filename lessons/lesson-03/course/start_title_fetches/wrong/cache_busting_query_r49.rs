//! Wrong: breaks "each task sends one GET `{base_url}/posts/{id}`"
//! Each request carries a cache-buster, `?_=<milliseconds since the epoch>`, added with
//! `.query(..)`. The learner's reasoning: these fetches are started again and again to refresh
//! titles, and a proxy or CDN between the program and the API might hand back a stale copy, so
//! every URL is made unique (the jQuery `cache: false` habit). The path is exactly
//! `{base_url}/posts/{id}`, with `/v1` kept, every request leaves at once through a clone of the
//! client, and a server that routes on the path alone answers as it would have: a check that
//! reads only the request's path (wiremock's `url.path()`, a `path(..)` matcher) sees the right
//! requests. But the URL sent is not `{base_url}/posts/{id}`: a server that keys on the whole
//! URL, or a check that compares the request line with its query, sees another resource.

use std::time::{SystemTime, UNIX_EPOCH};

use lesson_support::models::Post;
use reqwest::Client;
use tokio::task::JoinHandle;

/// Starts fetching the title of every post in `ids`; one handle per entry, in the order of `ids`.
pub fn start_title_fetches(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<JoinHandle<Result<String, reqwest::Error>>> {
    // One stamp for the batch: a clock before 1970 only means no buster worth the name.
    let nonce: u64 = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |since| {
            since.as_secs() * 1000 + u64::from(since.subsec_millis())
        });
    ids.iter()
        .map(|&id| {
            let client = client.clone();
            let url = format!("{base_url}/posts/{id}");
            tokio::spawn(async move {
                // Never let a cache between us and the API answer for the server.
                let post: Post = client
                    .get(url)
                    .query(&[("_", nonce)])
                    .send()
                    .await?
                    .error_for_status()?
                    .json()
                    .await?;
                Ok::<String, reqwest::Error>(post.title)
            })
        })
        .collect()
}
