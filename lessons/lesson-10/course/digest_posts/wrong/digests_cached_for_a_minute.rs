//! Wrong: breaks "one GET `{base_url}/posts/{id}` per entry of `ids`" (and "a successful answer's body ... goes to `digest` once")
//! The learner adds what `requests-cache` gives a Python program: a digest, once computed, is kept
//! for 60 s in a process-wide cache keyed by the post's URL and the digest function, so a second
//! call within the minute answers from memory, with no request and no digest. Within one call
//! nothing changes (every entry is asked, repeats included: the cache is empty until a pipeline
//! finishes), so only a check that calls twice against the same server can tell.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

use futures::future::join_all;
use reqwest::Client;

/// How long a digest stays good: posts change rarely, and a minute of staleness is harmless.
const FRESH_FOR: Duration = Duration::from_secs(60);

type Key = (String, usize);

fn cache() -> &'static Mutex<HashMap<Key, (Instant, u64)>> {
    static CACHE: OnceLock<Mutex<HashMap<Key, (Instant, u64)>>> = OnceLock::new();
    CACHE.get_or_init(|| Mutex::new(HashMap::new()))
}

fn cached(key: &Key) -> Option<u64> {
    let mut cache = cache()
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    match cache.get(key) {
        Some(&(stored, value)) if stored.elapsed() < FRESH_FOR => Some(value),
        Some(_) => {
            cache.remove(key);
            None
        }
        None => None,
    }
}

fn remember(key: Key, value: u64) {
    cache()
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
        .insert(key, (Instant::now(), value));
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
        // Another digest function gives another value: it is part of the key.
        let key: Key = (url, digest as usize);
        if let Some(value) = cached(&key) {
            return Ok(value);
        }
        let body = client
            .get(&key.0)
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        let value = digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic()));
        remember(key, value);
        Ok(value)
    });
    join_all(each).await
}
