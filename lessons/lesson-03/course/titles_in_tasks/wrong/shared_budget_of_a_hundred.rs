//! Wrong: breaks "all of them started before any is awaited, so that every request is in flight together": every task first takes a permit from one process-wide `Semaphore` of 100 (aiohttp's `TCPConnector(limit=100)` on a shared session, the learner's idea of a polite connection budget), so with more than 100 ids, or two calls at once, the tasks beyond the budget wait for a slot instead of being in flight.

use lesson_support::models::Post;
use reqwest::Client;
use tokio::sync::Semaphore;

/// How many requests the whole program keeps open at once, as aiohttp's default connector does.
static CONNECTION_BUDGET: Semaphore = Semaphore::const_new(100);

/// Fetches every title in a task of its own, each task holding one slot of the program's
/// connection budget while it talks to the server; all of them in the order of `ids`, or the
/// first entry's failure.
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
                let _slot = CONNECTION_BUDGET.acquire().await;
                let post: Post = client
                    .get(&url)
                    .send()
                    .await?
                    .error_for_status()?
                    .json()
                    .await?;
                Ok::<_, reqwest::Error>(post.title)
            })
        })
        .collect();

    let mut titles = Vec::with_capacity(tasks.len());
    for task in tasks {
        titles.push(task.await.expect("a fetching task never panics")?);
    }
    Ok(titles)
}
