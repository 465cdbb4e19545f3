//! Wrong: runs the blocks in a `FuturesUnordered` and collects the pairs as the answers arrive,
//! so the pairs come in completion order, not in the order of `ids`.

use futures::StreamExt;
use futures::stream::FuturesUnordered;
use lesson_support::models::Comment;
use reqwest::Client;

/// Counts the comments of each post in `ids`, all at once: `(id, count)` in the order of `ids`.
pub async fn comment_counts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<(u64, Result<usize, reqwest::Error>)> {
    let requests: FuturesUnordered<_> = ids
        .iter()
        .map(|&id| async move {
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
        })
        .collect();
    requests.collect().await
}
