//! Wrong: breaks "each sends one GET `{base_url}/posts/{id}` (an id listed twice is fetched twice)": it keeps every title it has fetched in a process-wide cache keyed by the full URL (`functools.lru_cache` / `aiocache` habit: a GET is safe to cache and a post's title does not change), so a later call for a URL it has already seen answers from memory and sends no request; within one call nothing changes (all the tasks look into the cache before any answer is back, so a repeated id is still fetched twice), and only a second call on the same server shows it.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use lesson_support::models::Post;
use reqwest::Client;

/// Titles already fetched, by full URL (base URL included, so two servers never share one).
fn fetched_titles() -> &'static Mutex<HashMap<String, String>> {
    static TITLES: OnceLock<Mutex<HashMap<String, String>>> = OnceLock::new();
    TITLES.get_or_init(|| Mutex::new(HashMap::new()))
}

/// Fetches every title in tasks of their own: all of them in the order of `ids`, or the first
/// entry's failure.
pub async fn titles_in_tasks(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Result<Vec<String>, reqwest::Error> {
    let tasks: Vec<_> = ids
        .iter()
        .map(|id| {
            let client = client.clone();
            let url = format!("{base_url}/posts/{id}");
            tokio::spawn(async move {
                // The guard is a temporary of this statement: released before any `.await`.
                let known = fetched_titles()
                    .lock()
                    .ok()
                    .and_then(|titles| titles.get(&url).cloned());
                if let Some(title) = known {
                    return Ok::<_, reqwest::Error>(title);
                }
                let post: Post = client
                    .get(&url)
                    .send()
                    .await?
                    .error_for_status()?
                    .json()
                    .await?;
                if let Ok(mut titles) = fetched_titles().lock() {
                    titles.insert(url, post.title.clone());
                }
                Ok::<_, reqwest::Error>(post.title)
            })
        })
        .collect(); // every task started before any is awaited

    let mut titles = Vec::with_capacity(tasks.len());
    for task in tasks {
        titles.push(task.await.expect("a fetching task never panics")?);
    }
    Ok(titles)
}
