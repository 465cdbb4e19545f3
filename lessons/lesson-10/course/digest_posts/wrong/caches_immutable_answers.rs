//! Wrong: breaks "one GET `{base_url}/posts/{id}` per entry of `ids` (an id listed twice is asked twice)"
//! The learner knows RFC 8246: an answer marked `Cache-Control: immutable` promises that its body
//! will never change, so asking for it again "is pure waste". Ordinary answers (`max-age=60`, an
//! `ETag`) are always asked again, as the contract says; only an immutable one has its digest
//! remembered, process-wide, by URL and digest function, and a later call returns it unasked.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock, PoisonError};

use futures::future::join_all;
use reqwest::Client;
use reqwest::header::CACHE_CONTROL;

/// (URL, digest function) -> digest of a body the server promised never to change.
type Known = Mutex<HashMap<(String, usize), u64>>;

fn known() -> &'static Known {
    static KNOWN: OnceLock<Known> = OnceLock::new();
    KNOWN.get_or_init(Known::default)
}

/// True when one of the answer's `Cache-Control` directives is `immutable`.
fn is_immutable(headers: &reqwest::header::HeaderMap) -> bool {
    headers
        .get_all(CACHE_CONTROL)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .any(|directive| directive.trim().eq_ignore_ascii_case("immutable"))
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
        let key = (url.clone(), digest as usize);
        let remembered = {
            let table = known().lock().unwrap_or_else(PoisonError::into_inner);
            table.get(&key).copied()
        };
        if let Some(digested) = remembered {
            // The server said this body never changes: no need to ask again.
            return Ok(digested);
        }
        let response = client.get(&url).send().await?.error_for_status()?;
        let immutable = is_immutable(response.headers());
        let body = response.bytes().await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body))
            .await
            .unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic()));
        if immutable {
            known()
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .insert(key, digested);
        }
        Ok::<u64, reqwest::Error>(digested)
    });
    join_all(each).await
}
