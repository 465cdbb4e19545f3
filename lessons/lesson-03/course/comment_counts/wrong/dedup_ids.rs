//! Wrong: asks about each post once (a `BTreeSet` of the ids) and pairs the counts with the
//! sorted, deduplicated ids, so a repeated id is neither asked again nor kept in its place.

use std::collections::BTreeSet;

use futures::future::join_all;
use lesson_support::models::Comment;
use reqwest::Client;

/// Counts the comments of each post in `ids`, all at once: `(id, count)` in the order of `ids`.
pub async fn comment_counts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<(u64, Result<usize, reqwest::Error>)> {
    let unique: BTreeSet<u64> = ids.iter().copied().collect();
    let requests = unique.into_iter().map(|id| async move {
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
        (id, count.await)
    });
    join_all(requests).await
}
