//! Wrong: no panic; here, on meeting the first failure in order, the caller tidies up by aborting the tasks still after it and awaiting them with the same `expect("a fetching task never panics")`, so any of them not yet finished yields a cancelled `JoinError` and the caller panics instead of returning `Err`.

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
        .collect(); // every task started before any is awaited

    let mut titles = Vec::with_capacity(tasks.len());
    let mut tasks = tasks.into_iter();
    while let Some(task) = tasks.next() {
        match task.await.expect("a fetching task never panics") {
            Ok(title) => titles.push(title),
            Err(err) => {
                // Leave nothing running behind us: stop the rest and wait for them to wind down.
                let rest: Vec<_> = tasks.collect();
                for task in &rest {
                    task.abort();
                }
                for task in rest {
                    let _ = task.await.expect("a fetching task never panics");
                }
                return Err(err);
            }
        }
    }
    Ok(titles)
}
