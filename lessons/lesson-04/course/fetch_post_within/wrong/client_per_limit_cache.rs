//! Wrong: breaks "sent through `client`": it puts the timeout on a client, as aiohttp puts `ClientTimeout` on a session, and, knowing not to build a client per call, keeps one course-configured client per distinct `limit` in a process-wide cache; timing, variants and request counts are all right, but the requests skip the given client (its headers, its pool, its settings).

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock, PoisonError};
use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;

use crate::ApiError;

/// One client per time limit, built once and reused: no new pool per call.
static CLIENTS_BY_LIMIT: OnceLock<Mutex<HashMap<Duration, Client>>> = OnceLock::new();

/// The client whose timeout is `limit`, with the course's other settings.
fn client_with_timeout(base_url: &str, limit: Duration) -> Result<Client, reqwest::Error> {
    let clients = CLIENTS_BY_LIMIT.get_or_init(|| Mutex::new(HashMap::new()));
    let mut clients = clients.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(client) = clients.get(&limit) {
        return Ok(client.clone());
    }
    let client = lesson_support::client::client_builder(base_url)
        .timeout(limit)
        .build()?;
    clients.insert(limit, client.clone());
    Ok(client)
}

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    // The given client has a 30 s timeout, and a `Client` cannot be changed once built.
    let _ = client;
    let client = client_with_timeout(base_url, limit)?;

    let post = client
        .get(format!("{base_url}/posts/{id}"))
        .send()
        .await?
        .error_for_status()?
        .json::<Post>()
        .await?;
    Ok(post)
}
