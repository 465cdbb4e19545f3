//! Correct, written another way: each task's GET carries `Connection: keep-alive`, saying out loud that the connection should stay open for the other tasks (HTTP/1.1's default anyway); the request still goes through a clone of `client`, at once, to the same URL, and asks for nothing to be closed, so the tasks share the client's settings and connections exactly as the reference's do.

use lesson_support::models::Post;
use reqwest::Client;
use reqwest::header::{CONNECTION, HeaderValue};
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
                let post: Post = client
                    .get(url)
                    // The connection goes back to the shared pool for the next task.
                    .header(CONNECTION, HeaderValue::from_static("keep-alive"))
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
