//! Correct, written another way: a `FuturesUnordered` instead of `join_all`, each future tagged with its place in `ids`; results are taken as they finish and sorted back by place (not by id, since an id may repeat).

use futures::stream::{FuturesUnordered, StreamExt};
use lesson_support::models::Comment;
use reqwest::Client;

/// Counts the comments of each post in `ids`, all at once: `(id, count)` in the order of `ids`.
pub async fn comment_counts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<(u64, Result<usize, reqwest::Error>)> {
    // Every request goes into one set, which polls them all together; each remembers where it
    // stands in `ids`, because the set hands results back in the order they finish.
    let mut in_flight: FuturesUnordered<_> = ids
        .iter()
        .enumerate()
        .map(|(place, &id)| async move {
            let count = count_comments(client, base_url, id).await;
            (place, id, count)
        })
        .collect();

    let mut done = Vec::with_capacity(ids.len());
    while let Some(finished) = in_flight.next().await {
        done.push(finished);
    }
    // Back to the order of `ids`: by place, since the same id may be listed twice.
    done.sort_unstable_by_key(|&(place, _, _)| place);
    done.into_iter().map(|(_, id, count)| (id, count)).collect()
}

/// `GET {base_url}/posts/{id}/comments`, decoded as comments, counted.
async fn count_comments(client: &Client, base_url: &str, id: u64) -> Result<usize, reqwest::Error> {
    let response = client
        .get(format!("{base_url}/posts/{id}/comments"))
        .send()
        .await?;
    let comments = response.error_for_status()?.json::<Vec<Comment>>().await?;
    Ok(comments.len())
}
