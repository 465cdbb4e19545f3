//! Wrong: breaks "an id listed twice is fetched twice": it spawns one task per *distinct* id (a `HashMap` from id to handle) and copies the title for the repeats, so `[3, 3]` sends one request; titles, their order and the first failure in the order of `ids` are otherwise right.
//!
//! `titles_in_tasks` fetches every post in a task of its own and returns all their titles, or
//! the error of the first post that failed.

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
    // Every task is started here, before any is awaited.
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

    let mut outcomes: HashMap<u64, Result<String, reqwest::Error>> = HashMap::new();
    for (id, task) in tasks {
        outcomes.insert(id, task.await.expect("a fetching task never panics"));
    }

    // Walk `ids` in order, so the first failure met is the first in the list.
    let mut titles = Vec::with_capacity(ids.len());
    for &id in ids {
        match outcomes.remove(&id) {
            Some(Ok(title)) => {
                titles.push(title.clone());
                outcomes.insert(id, Ok(title));
            }
            Some(Err(err)) => return Err(err),
            None => unreachable!("every id in `ids` has a task"),
        }
    }
    Ok(titles)
}
