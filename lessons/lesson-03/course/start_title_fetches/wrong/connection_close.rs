//! Wrong: the "a clone of it, which shares the same settings and connections" clause: every
//! request carries `Connection: close`, so no task ever reuses a connection of the shared pool
//! (each opens its own and the server closes it after one answer). The client is the caller's
//! clone, so its settings and marks are all there.

use lesson_support::models::Post;
use reqwest::Client;
use reqwest::header::CONNECTION;
use tokio::task::JoinHandle;

/// Starts fetching the title of every post in `ids`; one handle per entry, in the order of `ids`.
pub fn start_title_fetches(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<JoinHandle<Result<String, reqwest::Error>>> {
    ids.iter()
        .map(|&id| {
            let client = client.clone();
            let url = format!("{base_url}/posts/{id}");
            tokio::spawn(async move {
                // The tasks may run long after the caller is done: don't let one of them pick
                // up a kept-alive connection the server has meanwhile closed (aiohttp's
                // `ServerDisconnectedError`); one connection per request, closed after it.
                let post: Post = client
                    .get(url)
                    .header(CONNECTION, "close")
                    .send()
                    .await?
                    .error_for_status()?
                    .json()
                    .await?;
                Ok(post.title)
            })
        })
        .collect()
}
