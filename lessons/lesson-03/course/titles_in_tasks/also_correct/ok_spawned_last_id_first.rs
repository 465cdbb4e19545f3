//! Correct, written another way: it spawns the tasks from the last id to the first (so the server sees the requests arrive in the reverse of `ids`), then turns the handles back round and awaits them in the order of `ids`; every task is started before any is awaited, each entry's title or error stays in its own place, and the first failure met is still the first in the list, whatever order the requests went out or finished in.

use lesson_support::models::Post;
use reqwest::Client;

/// Fetches every title in tasks of their own: all of them in the order of `ids`, or the first
/// entry's failure.
pub async fn titles_in_tasks(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Result<Vec<String>, reqwest::Error> {
    // Spawned last id first: `tasks[0]` is the task of the last entry of `ids`.
    let mut tasks: Vec<_> = ids
        .iter()
        .rev()
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
    // Back in the order of `ids` before any handle is awaited.
    tasks.reverse();

    let mut titles = Vec::with_capacity(tasks.len());
    for task in tasks {
        titles.push(task.await.expect("a fetching task never panics")?);
    }
    Ok(titles)
}
