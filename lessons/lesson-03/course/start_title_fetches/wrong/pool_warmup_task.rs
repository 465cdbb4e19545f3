//! Wrong: breaks "one task per entry of `ids` ...; none for an empty `ids`": before starting the fetches it spawns one extra, detached task that sends a `HEAD` to `base_url` to open a connection in the shared pool, the "warm up the pool" performance tip, so every call (an empty `ids` included) starts a task and a request that no entry asked for.

use lesson_support::models::Post;
use reqwest::Client;
use tokio::task::JoinHandle;

/// Starts fetching the title of every post in `ids`; one handle per entry, in the order of `ids`.
pub fn start_title_fetches(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<JoinHandle<Result<String, reqwest::Error>>> {
    let warm = client.clone();
    let origin = base_url.to_owned();
    tokio::spawn(async move {
        let _ = warm.head(origin).send().await;
    });

    ids.iter()
        .map(|&id| {
            let client = client.clone();
            let url = format!("{base_url}/posts/{id}");
            tokio::spawn(async move {
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
