//! Correct: awaits the handles from the last entry back to the first and lets each failure met replace the one kept before, so the failure left at the end is the first in the order of ids (whenever it happened); the titles, gathered backwards, are reversed before they are returned. All tasks are spawned before any is awaited, each one GET through a clone of `client`.

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
        .collect(); // every task started before any is awaited

    let mut titles = Vec::with_capacity(tasks.len());
    let mut first_failure = None;
    for task in tasks.into_iter().rev() {
        match task.await.expect("a fetching task never panics") {
            Ok(title) => titles.push(title),
            // Going backwards, a failure met later is one earlier in `ids`: it wins.
            Err(err) => first_failure = Some(err),
        }
    }
    match first_failure {
        Some(err) => Err(err),
        None => {
            titles.reverse();
            Ok(titles)
        }
    }
}
