//! Wrong: breaks "no panic: `digest` itself never panics"
//! The learner keeps a small process-wide change log, the kind an ops-minded Python service keeps: the
//! last `ETag` seen for each URL, with a line on stderr when a post's tag changed between calls. Every
//! post is still asked and digested (request and raw body on the runtime, digest on the blocking pool).
//! But the tag is read with `to_str().expect(..)` ("an ETag is a quoted ASCII string"), and RFC 9110
//! lets an entity-tag hold obs-text (bytes 0x80 to 0xFF). An `ETag` with such a byte panics the call.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use futures::future::join_all;
use reqwest::Client;

/// The last `ETag` seen for each post URL, across calls.
fn seen_etags() -> &'static Mutex<HashMap<String, String>> {
    static SEEN: OnceLock<Mutex<HashMap<String, String>>> = OnceLock::new();
    SEEN.get_or_init(|| Mutex::new(HashMap::new()))
}

/// Notes the answer's `ETag` and says on stderr when the post changed since the last call.
fn note_etag(url: &str, response: &reqwest::Response) {
    let Some(value) = response.headers().get(reqwest::header::ETAG) else {
        return;
    };
    let etag = value
        .to_str()
        .expect("an ETag is a quoted ASCII string")
        .to_owned();
    let mut seen = seen_etags()
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some(previous) = seen.insert(url.to_owned(), etag.clone()) {
        if previous != etag {
            eprintln!("{url} changed: {previous} -> {etag}");
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
