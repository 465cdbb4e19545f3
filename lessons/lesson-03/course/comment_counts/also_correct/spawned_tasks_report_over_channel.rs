//! Correct, written another way: one spawned task per entry (each with its own clone of `client` and its own URL) sends `(position, result)` over a `tokio::sync::mpsc` channel as soon as its request ends; the function drops its own sender, drains the channel until every task has reported, and puts each result in its position's slot, so the pairs come back in the order of `ids` with every request in flight at once.

use lesson_support::models::Comment;
use reqwest::Client;
use tokio::sync::mpsc;

/// Counts the comments of each post in `ids`, all at once: `(id, count)` in the order of `ids`.
pub async fn comment_counts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<(u64, Result<usize, reqwest::Error>)> {
    let (sender, mut receiver) = mpsc::unbounded_channel();
    for (position, &id) in ids.iter().enumerate() {
        let sender = sender.clone();
        let client = client.clone();
        let url = format!("{base_url}/posts/{id}/comments");
        tokio::spawn(async move {
            let result = count_comments(&client, &url).await;
            // The receiver is kept until every sender is gone, so the send cannot fail.
            let _ = sender.send((position, result));
        });
    }
    // Only the tasks' senders are left: the channel closes when the last task has reported.
    drop(sender);

    let mut slots: Vec<Option<Result<usize, reqwest::Error>>> = ids.iter().map(|_| None).collect();
    while let Some((position, result)) = receiver.recv().await {
        slots[position] = Some(result);
    }
    ids.iter()
        .zip(slots)
        .filter_map(|(&id, slot)| slot.map(|result| (id, result)))
        .collect()
}

async fn count_comments(client: &Client, url: &str) -> Result<usize, reqwest::Error> {
    let comments: Vec<Comment> = client
        .get(url)
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    Ok(comments.len())
}
