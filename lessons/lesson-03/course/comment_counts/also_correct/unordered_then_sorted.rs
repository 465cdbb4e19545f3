//! Correct: a `FuturesUnordered` of blocks that carry their position as well as their id; the
//! pairs are put back in the order of `ids` by that position.

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
    let mut requests: FuturesUnordered<_> = ids
        .iter()
        .enumerate()
        .map(|(position, &id)| async move {
            let response = client
                .get(format!("{base_url}/posts/{id}/comments"))
                .send()
                .await
                .and_then(reqwest::Response::error_for_status);
            let count = match response {
                Ok(response) => response.json::<Vec<Comment>>().await.map(|c| c.len()),
                Err(err) => Err(err),
            };
            (position, id, count)
        })
        .collect();
    let mut done = Vec::with_capacity(ids.len());
    while let Some(answer) = requests.next().await {
        done.push(answer);
    }
    done.sort_by_key(|(position, _, _)| *position);
    done.into_iter().map(|(_, id, count)| (id, count)).collect()
}
