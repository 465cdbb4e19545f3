//! Wrong: breaks "an error status, any 4xx or 5xx (the error then carries it)"
//! On a 4xx or 5xx each task keeps the status error from `error_for_status_ref`, then reads the
//! rest of the body with `bytes().await?` before returning it, "so that the connection is read to
//! the end and goes back to the pool the tasks share" (the contract insists on sharing the
//! client's connections, and an unread body keeps a connection out of the pool). The `?` on that
//! read is the mistake: when the error body itself cannot be read (the server closes or stalls
//! after sending a 503's head, a truncated body, the client's timeout firing while the body
//! trickles in), the task returns the body error, which carries no status, instead of the status
//! error. Every error answer whose body arrives whole (a 404 or 503 with a post as its body)
//! still ends in the status error, so only a failure while reading an error body tells.

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
        .map(|&id| {
            let client = client.clone();
            let url = format!("{base_url}/posts/{id}");
            tokio::spawn(async move {
                let response = client.get(url).send().await?;
                // Keep the status error, but read the body first so the connection can be reused.
                let status_error = response.error_for_status_ref().err();
                if let Some(status_error) = status_error {
                    response.bytes().await?;
                    return Err(status_error);
                }
                let post: Post = response.json().await?;
                Ok(post.title)
            })
        })
        .collect()
}
