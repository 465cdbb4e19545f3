//! Wrong: "each call on its own, keeping nothing between calls" — like an aiohttp `ClientSession`, it keeps the `Set-Cookie`s of each answer in a static jar and sends them back with the next call to the same base URL.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};
use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;
use reqwest::header::{COOKIE, SET_COOKIE};

use crate::ApiError;

/// The cookies each server set, by base URL (aiohttp's `session.cookie_jar`).
fn jar() -> &'static Mutex<HashMap<String, String>> {
    static JAR: OnceLock<Mutex<HashMap<String, String>>> = OnceLock::new();
    JAR.get_or_init(|| Mutex::new(HashMap::new()))
}

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let mut request = client.get(format!("{base_url}/posts/{id}")).timeout(limit);
    let saved = jar().lock().ok().and_then(|jar| jar.get(base_url).cloned());
    if let Some(cookies) = saved {
        request = request.header(COOKIE, cookies);
    }

    let response = request.send().await?;

    // Keep the `name=value` part of every cookie the server set, for the next call.
    let set: Vec<String> = response
        .headers()
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .filter_map(|value| value.split(';').next())
        .map(|pair| pair.trim().to_owned())
        .filter(|pair| pair.contains('='))
        .collect();
    if !set.is_empty() {
        if let Ok(mut jar) = jar().lock() {
            jar.insert(base_url.to_owned(), set.join("; "));
        }
    }

    let post = response.error_for_status()?.json::<Post>().await?;
    Ok(post)
}
