//! Wrong: the "every request is on its way whether or not its handle has been awaited" clause:
//! the tasks are spawned at once, but the k-th waits k × 20 ms before sending, to spread the
//! load; when the function returns, only the first request is on its way.

use std::time::Duration;

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
        .enumerate()
        .map(|(position, &id)| {
            let client = client.clone();
            let url = format!("{base_url}/posts/{id}");
            // Be polite: every task is started now, but they knock one after the other, 20 ms
            // apart, instead of all in the same instant (the `asyncio.sleep(i * delay)` trick).
            let delay = Duration::from_millis(20 * position as u64);
            tokio::spawn(async move {
                tokio::time::sleep(delay).await;
                let post: Post = client
                    .get(url)
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
