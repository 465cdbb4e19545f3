//! Correct, written another way: no client clone and no URL moved into the task. Each request
//! is built and `send()` called in the calling function, through `client` itself (the
//! `RequestBuilder` holds its own clone of the client, and `send` hands back an owned,
//! `'static`, `Send` future that sends nothing until polled); the spawned block only awaits that
//! future, checks the status and decodes a whole `Post`, destructured to its title.

use lesson_support::models::Post;
use reqwest::Client;
use tokio::task::JoinHandle;

/// Starts fetching the title of every post in `ids`; one handle per entry, in the order of `ids`.
pub fn start_title_fetches(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<JoinHandle<Result<String, reqwest::Error>>> {
    ids.iter()
        .map(|id| client.get(format!("{base_url}/posts/{id}")).send())
        .map(|response| {
            tokio::spawn(async move {
                let Post { title, .. } = response.await?.error_for_status()?.json().await?;
                Ok::<String, reqwest::Error>(title)
            })
        })
        .collect()
}
