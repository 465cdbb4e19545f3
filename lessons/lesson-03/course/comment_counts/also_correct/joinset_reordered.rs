//! Correct: no `async move` over borrows and no `join_all`: one spawned task per entry in a `JoinSet`, each holding a `RequestBuilder` made from `client` (so a clone of it), the answers collected as they finish and put back in the order of `ids` by their index.

use lesson_support::models::Comment;
use reqwest::Client;
use tokio::task::JoinSet;

/// Counts the comments of each post in `ids`, all at once: `(id, count)` in the order of `ids`.
pub async fn comment_counts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<(u64, Result<usize, reqwest::Error>)> {
    let mut tasks = JoinSet::new();
    for (index, &id) in ids.iter().enumerate() {
        let request = client.get(format!("{base_url}/posts/{id}/comments"));
        tasks.spawn(async move {
            let count = async {
                let comments: Vec<Comment> =
                    request.send().await?.error_for_status()?.json().await?;
                Ok::<_, reqwest::Error>(comments.len())
            }
            .await;
            (index, count)
        });
    }

    let mut slots: Vec<Option<Result<usize, reqwest::Error>>> = ids.iter().map(|_| None).collect();
    while let Some(joined) = tasks.join_next().await {
        let (index, count) = joined.expect("a counting task never panics");
        slots[index] = Some(count);
    }
    ids.iter()
        .zip(slots)
        .map(|(&id, count)| (id, count.expect("every task reported its count")))
        .collect()
}
