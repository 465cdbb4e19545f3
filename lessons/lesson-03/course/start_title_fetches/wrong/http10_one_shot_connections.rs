//! Wrong: breaks "a clone of it, which shares the same settings and connections (not a client of its own, nor a request that asks for its connection to be closed)": each task sends its GET as HTTP/1.0, which the learner picked so that a task that outlives the caller leaves no idle socket behind in the pool ("the connection ends with the answer"); an HTTP/1.0 request without `Connection: keep-alive` asks the server to close the connection after answering, exactly as `Connection: close` does, but no `Connection` header is sent, so every task opens a connection of its own that is never reused.

use lesson_support::models::Post;
use reqwest::{Client, Version};
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
                    // One request, one connection, closed with the answer: a task that runs
                    // after its caller has gone leaves nothing open behind it.
                    .version(Version::HTTP_10)
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
