//! Wrong: "one call, one request", "each call on its own, keeping nothing between calls", and `Status` is a status the server sent; this keeps a per-`base_url` circuit breaker in a static map, so for 2 s after a 5xx or 429 every call to that server fails at once with a `Status` the server never sent for it, and sends no request.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

use lesson_support::models::Post;
use reqwest::{Client, StatusCode};

use crate::ApiError;

/// How long a server that answered 5xx or 429 is left alone.
const OPEN_FOR: Duration = Duration::from_secs(2);

/// For each base URL whose breaker is open: the status that opened it, and until when.
static TRIPPED: OnceLock<Mutex<HashMap<String, (StatusCode, Instant)>>> = OnceLock::new();

fn tripped() -> &'static Mutex<HashMap<String, (StatusCode, Instant)>> {
    TRIPPED.get_or_init(|| Mutex::new(HashMap::new()))
}

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let url = format!("{base_url}/posts/{id}");

    // Breaker open: fail fast instead of piling more requests on a struggling server.
    let open = tripped()
        .lock()
        .ok()
        .and_then(|map| map.get(base_url).copied())
        .filter(|(_, until)| Instant::now() < *until);
    if let Some((status, _)) = open {
        return Err(ApiError::Status { status, url });
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

    if let Err(ApiError::Status { status, .. }) = &result {
        if status.is_server_error() || *status == StatusCode::TOO_MANY_REQUESTS {
            if let Ok(mut map) = tripped().lock() {
                map.insert(base_url.to_string(), (*status, Instant::now() + OPEN_FOR));
            }
        }
    }
    result
}
