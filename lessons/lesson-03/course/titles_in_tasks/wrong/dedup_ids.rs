//! Wrong: breaks "an id listed twice is fetched twice": one task per *distinct* id, the title copied for its repeats; the result is always the same as the reference's (a repeat of a failed id is never reached, since the first failure in the order of `ids` is returned first), so only a count of the requests per post shows it.
//!
//! `{post_id: asyncio.create_task(fetch(post_id)) for post_id in set(ids)}`: "why ask twice?".

use std::collections::HashMap;

use lesson_support::models::Post;
use reqwest::Client;
use tokio::task::JoinHandle;

/// Fetches every title in tasks of their own: all of them in the order of `ids`, or the first
/// entry's failure.
pub async fn titles_in_tasks(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Result<Vec<String>, reqwest::Error> {
    // One task per distinct post, all started before any is awaited.
    let mut tasks: HashMap<u64, JoinHandle<Result<String, reqwest::Error>>> = HashMap::new();
    for &id in ids {
        tasks.entry(id).or_insert_with(|| {
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
        });
    }

    let mut fetched: HashMap<u64, String> = HashMap::new();
    let mut titles = Vec::with_capacity(ids.len());
    for &id in ids {
        if let Some(title) = fetched.get(&id) {
            titles.push(title.clone());
        } else if let Some(task) = tasks.remove(&id) {
            let title = task.await.expect("a fetching task never panics")?;
            fetched.insert(id, title.clone());
            titles.push(title);
        }
    }
    Ok(titles)
}
