//! Wrong: breaks "all of them in flight together, not one after another": each future takes a shared `tokio::sync::Mutex` progress counter at its start and holds the guard across its request's awaits, so only one request is on the wire at a time; the URLs, pairs, counts, errors and order are all right.

use futures::future::join_all;
use lesson_support::models::Comment;
use reqwest::Client;
use tokio::sync::Mutex;

/// The number of comments of post `id`.
async fn count_comments(client: &Client, base_url: &str, id: u64) -> Result<usize, reqwest::Error> {
    let comments: Vec<Comment> = client
        .get(format!("{base_url}/posts/{id}/comments"))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    Ok(comments.len())
}

/// Counts the comments of each post in `ids`, all at once: `(id, count)` in the order of `ids`.
pub async fn comment_counts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<(u64, Result<usize, reqwest::Error>)> {
    // How many posts are done, for a progress line. tokio's Mutex rather than std's, since the
    // guard lives across an `.await` (the chapter's warm-up on locks).
    let done = Mutex::new(0_usize);
    let done = &done;
    let total = ids.len();

    let requests = ids.iter().map(|&id| async move {
        let mut finished = done.lock().await;
        let result = count_comments(client, base_url, id).await;
        *finished += 1;
        eprintln!("comments: {}/{total} posts done", *finished);
        (id, result)
    });
    join_all(requests).await
}
