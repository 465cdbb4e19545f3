//! Wrong: breaks "one title per entry of `ids` in the order of `ids`" and "the error of the first entry *in the order of `ids`* whose request failed (not the first to fail in time)": `JoinSet::join_all`, taken for tokio's `asyncio.gather`, returns the outputs in the order the tasks finished, so the titles and the error are those of completion order; one task per id, all spawned at once through clones of `client`, status and body checks are right.

use lesson_support::models::Post;
use reqwest::Client;
use tokio::task::JoinSet;

/// Fetches every title in tasks of their own: all of them in the order of `ids`, or the first
/// entry's failure.
pub async fn titles_in_tasks(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Result<Vec<String>, reqwest::Error> {
    // A `JoinSet` is tokio's `TaskGroup`: it owns the tasks, each one starts at `spawn`.
    let mut tasks = JoinSet::new();
    for id in ids {
        let client = client.clone();
        let url = format!("{base_url}/posts/{id}");
        tasks.spawn(async move {
            let post: Post = client
                .get(url)
                .send()
                .await?
                .error_for_status()?
                .json()
                .await?;
            Ok::<_, reqwest::Error>(post.title)
        });
    }

    // `join_all` waits for every task, like `futures::future::join_all` and `asyncio.gather`
    // (it re-raises a task's panic, and these never panic); collecting into a `Result` then
    // stops at the first `Err` of the list.
    tasks.join_all().await.into_iter().collect()
}
