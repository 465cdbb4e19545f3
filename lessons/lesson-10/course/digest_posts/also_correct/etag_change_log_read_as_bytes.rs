//! Correct: the fix for `etag_change_log_panics_on_obs_text`: the same process-wide change log (the
//! last `ETag` per URL, a line on stderr when it changed), with the tag kept as the bytes it came as
//! (`HeaderValue::as_bytes`) and shown with `String::from_utf8_lossy` only in the message, so a tag
//! with obs-text is compared exactly and never panics. State across calls that changes nothing asked
//! or digested: every post is asked every time, its raw body digested on the blocking pool.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use futures::future::join_all;
use reqwest::Client;

/// The last `ETag` seen for each post URL, across calls, as raw bytes.
fn seen_etags() -> &'static Mutex<HashMap<String, Vec<u8>>> {
    static SEEN: OnceLock<Mutex<HashMap<String, Vec<u8>>>> = OnceLock::new();
    SEEN.get_or_init(|| Mutex::new(HashMap::new()))
}

/// Notes the answer's `ETag` and says on stderr when the post changed since the last call.
fn note_etag(url: &str, response: &reqwest::Response) {
    let Some(value) = response.headers().get(reqwest::header::ETAG) else {
        return;
    };
    let etag = value.as_bytes().to_vec();
    let mut seen = seen_etags()
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some(previous) = seen.insert(url.to_owned(), etag.clone()) {
        if previous != etag {
            eprintln!(
                "{url} changed: {} -> {}",
                String::from_utf8_lossy(&previous),
                String::from_utf8_lossy(&etag)
            );
        }
    }
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|id| async move {
        let url = format!("{base_url}/posts/{id}");
        let response = client.get(&url).send().await?.error_for_status()?;
        note_etag(&url, &response);
        let body = response.bytes().await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
