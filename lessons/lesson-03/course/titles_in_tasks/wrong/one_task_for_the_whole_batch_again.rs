//! Wrong: breaks "one task per entry of `ids` (`tokio::spawn`)": like `asyncio.create_task(gather(...))`, it spawns a single task that runs every request with `join_all`, then walks the results in the order of `ids`; all the requests are still in flight together and progress in the background, and the first failure in the list is still the one returned.
//!
//! `titles_in_tasks` fetches every post in a task of its own and returns all their titles, or
//! the error of the first post that failed.

use futures::future::join_all;
use lesson_support::models::Post;
use reqwest::Client;

/// Fetches every title in tasks of their own: all of them in the order of `ids`, or the first
/// entry's failure.
pub async fn titles_in_tasks(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Result<Vec<String>, reqwest::Error> {
    let client = client.clone();
    let urls: Vec<String> = ids
        .iter()
        .map(|id| format!("{base_url}/posts/{id}"))
        .collect();
    // One task for the batch: it owns the client and the URLs, so it is `'static`, and it keeps
    // going in the background even while this function is not being polled.
    let batch = tokio::spawn(async move {
        let fetches = urls.into_iter().map(|url| {
            let client = &client;
            async move {
                let post: Post = client
                    .get(url)
                    .send()
                    .await?
                    .error_for_status()?
                    .json()
                    .await?;
                Ok::<_, reqwest::Error>(post.title)
            }
        });
        join_all(fetches).await
    });
    let results = batch.await.expect("the fetching task never panics");
    // `join_all` keeps the order of `ids`, so collecting stops at the first failure in the list.
    results.into_iter().collect()
}
