//! Correct, written another way: no `join_all`: the ids are split in halves recursively (boxed futures) and each pair of halves is awaited with `futures::future::join`, so every request is still in flight at once and the halves are glued back in the order of `ids`.

use futures::future::{self, BoxFuture, FutureExt};
use lesson_support::models::Comment;
use reqwest::Client;

type Counts = Vec<(u64, Result<usize, reqwest::Error>)>;

/// Counts the comments of each post in `ids`, all at once: `(id, count)` in the order of `ids`.
pub async fn comment_counts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<(u64, Result<usize, reqwest::Error>)> {
    count_split(client, base_url, ids).await
}

/// Counts `ids` by running its two halves together; a single id is one request, none is none.
fn count_split<'a>(client: &'a Client, base_url: &'a str, ids: &'a [u64]) -> BoxFuture<'a, Counts> {
    match ids {
        [] => future::ready(Vec::new()).boxed(),
        &[id] => async move { vec![(id, count_comments(client, base_url, id).await)] }.boxed(),
        _ => {
            let (left, right) = ids.split_at(ids.len() / 2);
            async move {
                let (mut counts, rest) = future::join(
                    count_split(client, base_url, left),
                    count_split(client, base_url, right),
                )
                .await;
                counts.extend(rest);
                counts
            }
            .boxed()
        }
    }
}

/// Fetches `/posts/{id}/comments` and counts the comments in the list.
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
