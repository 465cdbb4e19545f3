//! Wrong: the "never retries" clause: a request that timed out (the client's own timeout) is sent
//! once more; any other failure is returned as the contract says.

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
                let response = match client.get(&url).send().await {
                    // Nobody awaits these handles in a hurry: a timeout is worth one more try,
                    // and a GET is safe to repeat.
                    Err(err) if err.is_timeout() => client.get(&url).send().await?,
                    other => other?,
                };
                let post: Post = response.error_for_status()?.json().await?;
                Ok(post.title)
            })
        })
        .collect()
}
