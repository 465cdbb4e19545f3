//! Wrong: breaks "all of them started before any is awaited, so that every request is in flight together": the ids are taken eight at a time, and a batch's tasks are spawned only after the previous batch's handles have all been awaited; with eight ids or fewer it is the reference, and the first failure in the order of `ids` is still the one returned.
//!
//! `for batch in chunks(ids, 8): results += await asyncio.gather(*batch)`: "don't flood the server".

use lesson_support::models::Post;
use reqwest::Client;

/// How many tasks run at once.
const BATCH: usize = 8;

/// Fetches every title in tasks of their own: all of them in the order of `ids`, or the first
/// entry's failure.
pub async fn titles_in_tasks(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Result<Vec<String>, reqwest::Error> {
    let mut titles = Vec::with_capacity(ids.len());
    for batch in ids.chunks(BATCH) {
        let tasks: Vec<_> = batch
            .iter()
            .map(|id| {
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
                    Ok::<_, reqwest::Error>(post.title)
                })
            })
            .collect();
        for task in tasks {
            titles.push(task.await.expect("a fetching task never panics")?);
        }
    }
    Ok(titles)
}
