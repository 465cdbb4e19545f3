//! Wrong: breaks "`Err(err)` when ... a body that is not a list of comments": a body that is one comment object (not a list) is accepted as a list of one, the Python idiom `data if isinstance(data, list) else [data]`, so it counts as `Ok(1)` instead of an error.
//! Exercise 3: count the comments of many posts at once (warm-up: `async move`).
//!
//! `comment_counts` asks for the comments of every post in `ids`, all at once, and pairs each id
//! with how many comments its post has.

use futures::future::join_all;
use lesson_support::models::Comment;
use reqwest::Client;
use serde::Deserialize;

/// What `/posts/{id}/comments` sends: normally a list, but be forgiving if a server sends a
/// single comment on its own.
#[derive(Deserialize)]
#[serde(untagged)]
enum Comments {
    Many(Vec<Comment>),
    One(Box<Comment>),
}

impl Comments {
    /// `data if isinstance(data, list) else [data]`
    fn into_list(self) -> Vec<Comment> {
        match self {
            Comments::Many(list) => list,
            Comments::One(comment) => vec![*comment],
        }
    }
}

async fn count_comments(client: &Client, base_url: &str, id: u64) -> Result<usize, reqwest::Error> {
    let comments: Comments = client
        .get(format!("{base_url}/posts/{id}/comments"))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    Ok(comments.into_list().len())
}

/// Counts the comments of each post in `ids`, all at once: `(id, count)` in the order of `ids`.
pub async fn comment_counts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<(u64, Result<usize, reqwest::Error>)> {
    let requests = ids
        .iter()
        .map(|&id| async move { (id, count_comments(client, base_url, id).await) });
    join_all(requests).await
}
