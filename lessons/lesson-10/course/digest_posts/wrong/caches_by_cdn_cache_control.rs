//! Wrong: breaks "one GET `{base_url}/posts/{id}` per entry of `ids`" (every call asks the server again and digests again)
//! The learner keeps a process-wide cache of digests, and reasons that a cache shared by every caller
//! is a CDN, not a browser: RFC 9213's `CDN-Cache-Control` (and its older cousin, Fastly's and
//! Varnish's `Surrogate-Control`) is the field an origin uses to speak to such a cache, while
//! `Cache-Control` is for the end client. So it honours only those targeted fields and ignores
//! `Cache-Control`, `Expires` and validators entirely. The checks' bodies carry `max-age`,
//! `immutable`, `public`, `s-maxage`, `Expires` and `ETag`, never a targeted field, so nothing is
//! ever cached for them; an answer with `CDN-Cache-Control: max-age=60` is not asked again.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};
use std::time::{Duration, Instant};

use futures::future::join_all;
use reqwest::Client;
use reqwest::header::HeaderMap;

/// A digest, and the moment it goes stale.
type Kept = (Instant, u64);

/// Digests kept for the whole process, by URL and digest function, with the moment they go stale.
static CDN_CACHE: LazyLock<Mutex<HashMap<(String, usize), Kept>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

fn cached(key: &(String, usize)) -> Option<u64> {
    let mut cache = CDN_CACHE
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    match cache.get(key) {
        Some(&(until, digested)) if Instant::now() < until => Some(digested),
        Some(_) => {
            cache.remove(key);
            None
        }
        None => None,
    }
}

fn remember(key: (String, usize), lifetime: Duration, digested: u64) {
    let mut cache = CDN_CACHE
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    cache.insert(key, (Instant::now() + lifetime, digested));
}

/// The freshness lifetime the origin gives to a shared cache like this one (RFC 9213's
/// `CDN-Cache-Control`, else `Surrogate-Control`), if any. `no-store` or `private` wins.
fn targeted_lifetime(headers: &HeaderMap) -> Option<Duration> {
    let field = headers
        .get("cdn-cache-control")
        .or_else(|| headers.get("surrogate-control"))?
        .to_str()
        .ok()?;
    let mut max_age = None;
    for directive in field.split(',') {
        let directive = directive.trim().to_ascii_lowercase();
        if directive == "no-store" || directive == "private" {
            return None;
        }
        if let Some(seconds) = directive.strip_prefix("max-age=") {
            max_age = seconds.trim_matches('"').parse::<u64>().ok();
        }
    }
    // A year at most, as CDNs cap it (and so that `Instant + lifetime` cannot overflow).
    max_age
        .filter(|&seconds| seconds > 0)
        .map(|seconds| Duration::from_secs(seconds.min(31_536_000)))
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
        if let Some(digested) = cached(&key) {
            return Ok(digested);
        }
        let response = client.get(&url).send().await?.error_for_status()?;
        let lifetime = targeted_lifetime(response.headers());
        let body = response.bytes().await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body))
            .await
            .unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic()));
        if let Some(lifetime) = lifetime {
            remember(key, lifetime, digested);
        }
        Ok(digested)
    });
    join_all(each).await
}
