//! Wrong: breaks "one pair per entry of `ids`, in the order of `ids`": it collects the pairs as they complete and puts them back in order with `ids.iter().position(..)` (Python's `ids.index(id)`), which gives every repeat of an id the position of its first occurrence, so with a repeat that is not next to it (`[3, 0, 3]`) the pairs come out as `3, 3, 0`; distinct ids, or repeats side by side, come out in the right order, and the requests (one per entry, all at once, under the base path), the counts and the errors are right.

use futures::stream::{FuturesUnordered, StreamExt};
use lesson_support::models::Comment;
use reqwest::Client;

/// Counts the comments of each post in `ids`, all at once: `(id, count)` in the order of `ids`.
pub async fn comment_counts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<(u64, Result<usize, reqwest::Error>)> {
    // Every request starts at once; the pairs arrive in whatever order the answers do.
    let mut pairs: Vec<(u64, Result<usize, reqwest::Error>)> = ids
        .iter()
        .map(|&id| async move { (id, count_comments(client, base_url, id).await) })
        .collect::<FuturesUnordered<_>>()
        .collect()
        .await;

    // Back to the order of `ids`, as `sorted(pairs, key=lambda p: ids.index(p[0]))` would do.
    pairs.sort_by_key(|(id, _)| ids.iter().position(|asked| asked == id));
    pairs
}

/// How many comments post `id` has: the length of the list the server sends.
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
