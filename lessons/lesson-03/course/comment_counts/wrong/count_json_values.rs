//! Wrong: "a body that is not a list of comments" must be an `Err`; this decodes `Vec<serde_json::Value>` (only the length is needed, so why name the fields?), so any JSON list (`[1, 2]`, `[{}]`, `[{"id": 1}]`) is counted as comments and gives `Ok(n)`. Only a body that is not a list at all still fails.

use futures::future::join_all;
use reqwest::Client;

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

async fn count_comments(client: &Client, base_url: &str, id: u64) -> Result<usize, reqwest::Error> {
    // We only need how many there are, not what is in them: like `len(await resp.json())`.
    let comments: Vec<serde_json::Value> = client
        .get(format!("{base_url}/posts/{id}/comments"))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    Ok(comments.len())
}
