//! Wrong: breaks "one GET `{base_url}/posts/{id}` per entry of `ids` (...), its URL made by appending to `base_url`" for a post asked again after a successful answer that named another URL of the same origin in its `Content-Location`: `/api/posts/1` answered 200 with `Content-Location: /api/posts/1.json` (or `/api/v2/posts/1`), then a later call (or a later copy of that id) asks `/api/posts/1.json` and never `/api/posts/1`.
//! The idea: `Content-Location` names the specific resource this representation came from
//! (RFC 9110 §8.7), the one a negotiating server picked; asking it directly next time skips the
//! negotiation and lands on the key a CDN caches under. A process-wide table keyed by the
//! requested URL remembers such names (same origin only, successful answers only), and later
//! requests for that URL go there. An engineer who has tuned cache hit rates would write it; it
//! reads like honouring a redirect the server made cheap. It is wrong: the contract asks
//! `{base_url}/posts/{id}` every time; a `Content-Location` is information about the answer, not
//! an instruction to ask elsewhere.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock, PoisonError};

use futures::future::join_all;
use reqwest::header::CONTENT_LOCATION;
use reqwest::{Client, Response};

/// Requested URL -> the `Content-Location` its last successful answer named.
fn canonical() -> &'static Mutex<HashMap<String, String>> {
    static CANONICAL: OnceLock<Mutex<HashMap<String, String>>> = OnceLock::new();
    CANONICAL.get_or_init(|| Mutex::new(HashMap::new()))
}

/// The absolute URL an answer's `Content-Location` names, if it is another URL of the same
/// origin.
fn named_location(response: &Response) -> Option<String> {
    if !response.status().is_success() {
        return None;
    }
    let field = response.headers().get(CONTENT_LOCATION)?.to_str().ok()?;
    let named = response.url().join(field.trim()).ok()?;
    let same_origin = named.origin() == response.url().origin();
    (same_origin && named != *response.url()).then(|| named.to_string())
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
        let known = canonical()
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(&url)
            .cloned();
        let target = known.unwrap_or_else(|| url.clone());
        let response = client.get(target).send().await?.error_for_status()?;
        if let Some(named) = named_location(&response) {
            canonical()
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .insert(url, named);
        }
        let body = response.bytes().await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
