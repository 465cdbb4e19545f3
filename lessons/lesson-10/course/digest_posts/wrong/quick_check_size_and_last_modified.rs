//! Wrong: breaks "a successful answer's body, exactly as it arrived ..., goes to `digest` once, as soon as that body is in"
//! The learner does rsync's "quick check": a file whose size and modification time have not
//! changed is taken to be unchanged, and its checksum is not computed again. Every post is still
//! asked, every time (no validators sent, so no 304 to trust), but the digest is remembered,
//! process-wide, with the answer's `Content-Length` and `Last-Modified`; when a later answer for
//! the same URL (and the same `digest`) carries the same two, its body is left unread and the
//! remembered digest is returned. A second call, or a call beside another, thus skips digests
//! of answers that came with both headers, and returns an old digest for a body that changed
//! within the same second without changing its length.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use futures::future::join_all;
use reqwest::Client;
use reqwest::header::LAST_MODIFIED;

/// (URL, digest function) -> (Content-Length, Last-Modified, digest).
type Memo = HashMap<(String, usize), (u64, String, u64)>;

static QUICK_CHECK: OnceLock<Mutex<Memo>> = OnceLock::new();

fn memo() -> std::sync::MutexGuard<'static, Memo> {
    QUICK_CHECK
        .get_or_init(|| Mutex::new(HashMap::new()))
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

async fn one(
    client: &Client,
    url: String,
    digest: fn(&[u8]) -> u64,
) -> Result<u64, reqwest::Error> {
    let response = client.get(&url).send().await?.error_for_status()?;

    // rsync's quick check: same size and same modification time means the same content.
    let length = response.content_length();
    let modified = response
        .headers()
        .get(LAST_MODIFIED)
        .and_then(|value| value.to_str().ok())
        .map(str::to_owned);
    let key = (url, digest as usize);
    if let (Some(length), Some(modified)) = (length, modified.as_deref()) {
        let known = memo()
            .get(&key)
            .and_then(|(known_length, known_modified, value)| {
                (*known_length == length && known_modified == modified).then_some(*value)
            });
        if let Some(value) = known {
            return Ok(value);
        }
    }

    let body = response.bytes().await?;
    let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
    let value = digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic()));
    if let (Some(length), Some(modified)) = (length, modified) {
        memo().insert(key, (length, modified, value));
    }
    Ok(value)
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    join_all(
        ids.iter()
            .map(|id| one(client, format!("{base_url}/posts/{id}"), digest)),
    )
    .await
}
