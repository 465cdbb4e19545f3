//! Wrong: breaks "one GET `{base_url}/posts/{id}` per entry of `ids`" (a second call asks the server again, and digests again)
//! The learner keeps a process-wide cache of digests (by URL and digest function) and, reading
//! RFC 9111 as a *shared* cache must be careful, keeps only answers marked `public`, for
//! `s-maxage`/`max-age` less `Age`, never `no-store`/`no-cache`/`private`. The checks' bodies say
//! `max-age=60, immutable` without `public`, so nothing is kept and every call asks again; a post
//! that says `Cache-Control: public, max-age=60` is neither asked nor digested again by a second
//! call within the minute.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock, PoisonError};
use std::time::{Duration, Instant};

use futures::future::join_all;
use reqwest::header::{AGE, CACHE_CONTROL};
use reqwest::{Client, Response};

/// A digest kept, by the URL it was fetched from and the function that made it.
type Key = (String, usize);

fn cache() -> &'static Mutex<HashMap<Key, (u64, Instant)>> {
    static CACHE: OnceLock<Mutex<HashMap<Key, (u64, Instant)>>> = OnceLock::new();
    CACHE.get_or_init(|| Mutex::new(HashMap::new()))
}

/// The digest kept for `key`, while it is still fresh.
fn fresh(key: &Key) -> Option<u64> {
    let mut cache = cache().lock().unwrap_or_else(PoisonError::into_inner);
    let kept = cache.get(key).copied();
    match kept {
        Some((digested, until)) if Instant::now() < until => Some(digested),
        Some(_) => {
            cache.remove(key);
            None
        }
        None => None,
    }
}

fn keep(key: Key, digested: u64, lifetime: Duration) {
    cache()
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .insert(key, (digested, Instant::now() + lifetime));
}

/// How long a shared cache may keep this answer: only a `public` one, for `s-maxage` (or
/// `max-age`) less the `Age` it already has.
fn shared_lifetime(response: &Response) -> Option<Duration> {
    let value = response.headers().get(CACHE_CONTROL)?.to_str().ok()?;
    let directives: Vec<String> = value
        .split(',')
        .map(|directive| directive.trim().to_ascii_lowercase())
        .collect();
    let has = |name: &str| directives.iter().any(|directive| directive == name);
    if !has("public") || has("no-store") || has("no-cache") || has("private") {
        return None;
    }
    let seconds = |name: &str| {
        directives
            .iter()
            .find_map(|directive| directive.strip_prefix(name))
            .and_then(|value| value.trim_matches('"').parse::<u64>().ok())
    };
    let max_age = seconds("s-maxage=").or_else(|| seconds("max-age="))?;
    let age = response
        .headers()
        .get(AGE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.trim().parse::<u64>().ok())
        .unwrap_or(0);
    let left = max_age.saturating_sub(age);
    (left > 0).then(|| Duration::from_secs(left))
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
        let key: Key = (url.clone(), digest as usize);
        if let Some(digested) = fresh(&key) {
            return Ok(digested);
        }
        let response = client.get(url).send().await?.error_for_status()?;
        let lifetime = shared_lifetime(&response);
        let body = response.bytes().await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body))
            .await
            .unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic()));
        if let Some(lifetime) = lifetime {
            keep(key, digested, lifetime);
        }
        Ok::<u64, reqwest::Error>(digested)
    });
    join_all(each).await
}
