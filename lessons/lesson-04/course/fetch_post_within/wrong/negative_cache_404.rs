//! Wrong: "no cache (a second call for the same post sends a request of its own)" and "keeping nothing between calls"; this remembers every URL that answered 404 in a static set (a 404 is final, "asking again gets the same answer") and answers later calls for it with `NotFound` without sending anything.

use std::collections::HashSet;
use std::sync::{Mutex, OnceLock};
use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;

use crate::ApiError;

/// URLs the server said do not exist.
static MISSING: OnceLock<Mutex<HashSet<String>>> = OnceLock::new();

fn missing() -> &'static Mutex<HashSet<String>> {
    MISSING.get_or_init(|| Mutex::new(HashSet::new()))
}

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let url = format!("{base_url}/posts/{id}");
    // A 404 will not change (see `ApiError::NotFound`): spare the server a second request.
    let known_missing = missing()
        .lock()
        .map(|set| set.contains(&url))
        .unwrap_or(false);
    if known_missing {
        return Err(ApiError::NotFound { url });
    }

    let result = async {
        let post = client
            .get(url.as_str())
            .timeout(limit)
            .send()
            .await?
            .error_for_status()?
            .json::<Post>()
            .await?;
        Ok::<Post, ApiError>(post)
    }
    .await;

    if let Err(ApiError::NotFound { .. }) = &result {
        if let Ok(mut set) = missing().lock() {
            set.insert(url);
        }
    }
    result
}
