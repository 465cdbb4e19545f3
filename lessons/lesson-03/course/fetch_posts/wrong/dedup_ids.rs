//! Wrong: fetches each distinct id once (Python's `set(ids)`), so a repeated id loses its entries.

use std::collections::HashSet;

use futures::future::join_all;
use lesson_support::models::Post;
use reqwest::Client;

pub async fn fetch_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<Result<Post, reqwest::Error>> {
    let mut seen = HashSet::new();
    let unique: Vec<u64> = ids.iter().copied().filter(|id| seen.insert(*id)).collect();
    join_all(unique.iter().map(|id| async move {
        client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?
            .json::<Post>()
            .await
    }))
    .await
}
