//! Wrong: awaits each request inside the `for` loop (no async block, so nothing to borrow), so
//! the requests go one after another instead of all at once.

use lesson_support::models::Comment;
use reqwest::Client;

/// Counts the comments of each post in `ids`, all at once: `(id, count)` in the order of `ids`.
pub async fn comment_counts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<(u64, Result<usize, reqwest::Error>)> {
    let mut pairs = Vec::new();
    for &id in ids {
        let count = async {
            let comments: Vec<Comment> = client
                .get(format!("{base_url}/posts/{id}/comments"))
                .send()
                .await?
                .error_for_status()?
                .json()
                .await?;
            Ok::<_, reqwest::Error>(comments.len())
        };
        pairs.push((id, count.await));
    }
    pairs
}
