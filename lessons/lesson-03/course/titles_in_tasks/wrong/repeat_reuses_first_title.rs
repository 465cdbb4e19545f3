//! Wrong: `Ok` only when every request succeeded, else the first failing entry's error; here an id listed twice is fetched twice (both tasks are spawned) but the second handle is never awaited: the caller reuses the title it already has, so a repeat whose own request failed still gives `Ok`.

use std::collections::HashMap;

use lesson_support::models::Post;
use reqwest::Client;

/// Fetches every title in tasks of their own: all of them in the order of `ids`, or the first
/// entry's failure.
pub async fn titles_in_tasks(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Result<Vec<String>, reqwest::Error> {
    let tasks: Vec<_> = ids
        .iter()
        .map(|&id| {
            let client = client.clone();
            let url = format!("{base_url}/posts/{id}");
            let task = tokio::spawn(async move {
                let post: Post = client
                    .get(url)
                    .send()
                    .await?
                    .error_for_status()?
                    .json()
                    .await?;
                Ok::<_, reqwest::Error>(post.title)
            });
            (id, task)
        })
        .collect(); // every task started before any is awaited

    let mut known: HashMap<u64, String> = HashMap::new();
    let mut titles = Vec::with_capacity(tasks.len());
    for (id, task) in tasks {
        // The same post again: we already have its title, no need to wait for it twice.
        if let Some(title) = known.get(&id) {
            titles.push(title.clone());
            continue;
        }
        let title = task.await.expect("a fetching task never panics")?;
        known.insert(id, title.clone());
        titles.push(title);
    }
    Ok(titles)
}
