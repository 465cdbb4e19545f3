//! Wrong: breaks "each sends one GET `{base_url}/posts/{id}`": every request carries a cache-busting query string (`/posts/{id}?_=<millis>`, jQuery's `cache: false` trick), so the URL sent is not the one the contract names; the path itself, the base path, one task per entry, order, first failure in order and every status are right.

use std::time::{SystemTime, UNIX_EPOCH};

use lesson_support::models::Post;
use reqwest::Client;

/// Fetches every title in tasks of their own: all of them in the order of `ids`, or the first
/// entry's failure.
pub async fn titles_in_tasks(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Result<Vec<String>, reqwest::Error> {
    // A proxy or CDN between us and the API must never hand back a stale post: a query string
    // that changes on every call makes each URL new to any cache (what jQuery's `cache: false`
    // does with `_=`).
    let nonce = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|since| since.as_millis())
        .unwrap_or_default()
        .to_string();

    let tasks: Vec<_> = ids
        .iter()
        .map(|id| {
            let client = client.clone();
            let url = format!("{base_url}/posts/{id}");
            let nonce = nonce.clone();
            tokio::spawn(async move {
                let post: Post = client
                    .get(&url)
                    .query(&[("_", nonce)])
                    .send()
                    .await?
                    .error_for_status()?
                    .json()
                    .await?;
                Ok::<_, reqwest::Error>(post.title)
            })
        })
        .collect(); // every task started before any is awaited

    let mut titles = Vec::with_capacity(tasks.len());
    for task in tasks {
        titles.push(task.await.expect("a fetching task never panics")?);
    }
    Ok(titles)
}
