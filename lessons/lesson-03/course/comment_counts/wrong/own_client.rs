//! Wrong: gives each block a client of its own (`Client::new()`), so that it borrows nothing
//! from the caller: the requests leave without the settings of the `client` given.

use futures::future::join_all;
use lesson_support::models::Comment;
use reqwest::Client;

/// Counts the comments of each post in `ids`, all at once: `(id, count)` in the order of `ids`.
pub async fn comment_counts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<(u64, Result<usize, reqwest::Error>)> {
    let _ = client;
    let requests = ids.iter().map(|&id| {
        let url = format!("{base_url}/posts/{id}/comments");
        async move {
            let count = async {
                let comments: Vec<Comment> = Client::new()
                    .get(url)
                    .send()
                    .await?
                    .error_for_status()?
                    .json()
                    .await?;
                Ok::<_, reqwest::Error>(comments.len())
            };
            (id, count.await)
        }
    });
    join_all(requests).await
}
