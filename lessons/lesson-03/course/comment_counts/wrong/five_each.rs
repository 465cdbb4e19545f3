//! Wrong: JSONPlaceholder gives every post five comments, so it checks that the request
//! succeeded and pairs the id with 5 instead of counting the list.

use futures::future::join_all;
use reqwest::Client;

/// Counts the comments of each post in `ids`, all at once: `(id, count)` in the order of `ids`.
pub async fn comment_counts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<(u64, Result<usize, reqwest::Error>)> {
    let requests = ids.iter().map(|&id| async move {
        let sent = client
            .get(format!("{base_url}/posts/{id}/comments"))
            .send()
            .await
            .and_then(reqwest::Response::error_for_status);
        (id, sent.map(|_| 5))
    });
    join_all(requests).await
}
