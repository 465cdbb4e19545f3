//! Wrong: breaks "one GET `{base_url}/posts/{id}` per entry of `ids`" (a later call must ask again and digest again)
//! The learner keeps a process-wide cache of digests and, reading RFC 9111, decides that a cache
//! shared by every caller in the process is a *shared* cache: `max-age`, `immutable` and `Expires`
//! are "for the browser's private cache", and only `s-maxage` (the directive addressed to shared
//! caches, which overrides `max-age` there) lets it keep an answer. Within a call every entry is
//! asked and digested; a later call within the `s-maxage` window is answered from the cache, with
//! no request and no digest.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};
use std::time::{Duration, Instant};

use futures::future::join_all;
use reqwest::Client;
use reqwest::header::{AGE, CACHE_CONTROL};

/// (URL, digest function) -> (digest, fresh until). The function is part of the key: another
/// digest of the same body is another value.
type SharedCache = HashMap<(String, usize), (u64, Instant)>;

static SHARED: LazyLock<Mutex<SharedCache>> = LazyLock::new(|| Mutex::new(HashMap::new()));

fn fresh(key: &(String, usize)) -> Option<u64> {
    let mut cache = SHARED
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let found = cache.get(key).copied();
    match found {
        Some((digested, until)) if Instant::now() < until => Some(digested),
        Some(_) => {
            cache.remove(key);
            None
        }
        None => None,
    }
}

fn store(key: (String, usize), digested: u64, lifetime: Duration) {
    let Some(until) = Instant::now().checked_add(lifetime) else {
        return;
    };
    let mut cache = SHARED
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    cache.insert(key, (digested, until));
}

/// How long a shared cache may keep this answer: its `s-maxage`, less its `Age`. `private`,
/// `no-store` and `no-cache` forbid it; `max-age` is the private cache's business.
fn shared_lifetime(response: &reqwest::Response) -> Option<Duration> {
    let mut lifetime: Option<u64> = None;
    for value in response.headers().get_all(CACHE_CONTROL) {
        let Ok(text) = value.to_str() else { continue };
        for directive in text.split(',') {
            let directive = directive.trim();
            let (name, argument) = match directive.split_once('=') {
                Some((name, argument)) => (name.trim(), Some(argument.trim().trim_matches('"'))),
                None => (directive, None),
            };
            if ["private", "no-store", "no-cache"]
                .iter()
                .any(|forbidden| name.eq_ignore_ascii_case(forbidden))
            {
                return None;
            }
            if name.eq_ignore_ascii_case("s-maxage") {
                lifetime = argument.and_then(|seconds| seconds.parse().ok());
            }
        }
    }
    let age: u64 = response
        .headers()
        .get(AGE)
        .and_then(|value| value.to_str().ok())
        .and_then(|text| text.trim().parse().ok())
        .unwrap_or(0);
    lifetime
        .map(|seconds| seconds.saturating_sub(age))
        .filter(|&seconds| seconds > 0)
        .map(Duration::from_secs)
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
        if let Some(digested) = fresh(&key) {
            return Ok(digested);
        }
        let response = client.get(url.as_str()).send().await?.error_for_status()?;
        let lifetime = shared_lifetime(&response);
        let body = response.bytes().await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body))
            .await
            .unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic()));
        if let Some(lifetime) = lifetime {
            store(key, digested, lifetime);
        }
        Ok(digested)
    });
    join_all(each).await
}
