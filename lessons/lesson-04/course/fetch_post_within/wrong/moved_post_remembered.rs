//! Wrong: "one GET `{base_url}/posts/{id}`" and "keeping nothing between calls" — when a post's URL redirected to a successful answer, the end URL is remembered (like a browser's 301 cache) and later calls for that post go straight there.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};
use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;

use crate::ApiError;

/// Where a post's URL led last time, when it led somewhere else.
fn moved() -> &'static Mutex<HashMap<String, String>> {
    static MOVED: OnceLock<Mutex<HashMap<String, String>>> = OnceLock::new();
    MOVED.get_or_init(|| Mutex::new(HashMap::new()))
}

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let url = format!("{base_url}/posts/{id}");
    // Skip the hop: the redirect would only lead to the same place again.
    let target = moved()
        .lock()
        .ok()
        .and_then(|moved| moved.get(&url).cloned())
        .unwrap_or_else(|| url.clone());

    let response = client
        .get(&target)
        .timeout(limit)
        .send()
        .await?
        .error_for_status()?;
    let landed = response.url().to_string();
    let post = response.json::<Post>().await?;

    if landed != target {
        if let Ok(mut moved) = moved().lock() {
            moved.insert(url, landed);
        }
    }
    Ok(post)
}
