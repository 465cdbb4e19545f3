//! Correct: one `tokio::spawn`ed task per id, each owning a clone of the client and its URL,
//! all started before the first is awaited; the handles are awaited in the order of `ids`.

use lesson_support::models::Comment;
use reqwest::Client;

/// Counts the comments of each post in `ids`, all at once: `(id, count)` in the order of `ids`.
pub async fn comment_counts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<(u64, Result<usize, reqwest::Error>)> {
    let tasks: Vec<_> = ids
        .iter()
        .map(|&id| {
            let client = client.clone();
            let url = format!("{base_url}/posts/{id}/comments");
            tokio::spawn(async move {
                let comments: Vec<Comment> = client
                    .get(url)
                    .send()
                    .await?
                    .error_for_status()?
                    .json()
                    .await?;
                Ok::<_, reqwest::Error>(comments.len())
            })
        })
        .collect();
    let mut pairs = Vec::with_capacity(ids.len());
    for (&id, task) in ids.iter().zip(tasks) {
        pairs.push((id, task.await.expect("the task does not panic")));
    }
    pairs
}
