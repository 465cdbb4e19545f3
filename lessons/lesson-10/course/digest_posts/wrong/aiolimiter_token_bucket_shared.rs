//! Wrong: breaks "one GET `{base_url}/posts/{id}` per entry of `ids` (...), all in flight
//! together" for a call of more than 100 ids, or for calls at once that ask more than 100 posts
//! between them within a second (131 ids: the last 31 GETs leave up to 310 ms after the first;
//! 21 calls at once: most of their requests wait, up to 3 s).
//! What the learner did, a habit from Python's `aiolimiter` (`limiter = AsyncLimiter(100, 1)`,
//! then `async with limiter:` around each request): a process-wide token bucket of 100 requests
//! a second, with a burst of 100, that every GET must take a token from before it leaves. A GET
//! with no token waits for its turn; the wait is reserved under the lock (a "debt" in the
//! bucket), so the requests leave in a fair order, and no wait is longer than 3 s. The learner
//! thinks it right because it limits a *rate*, not how many requests are in flight (so it is not
//! `buffered(n)` or a semaphore), a burst of 100 covers "every post at once" for any batch they
//! tried, and being polite to a public API such as jsonplaceholder seemed the careful thing.
//! Everything else is the reference's: the body read on the runtime, the digest awaited on the
//! blocking pool as soon as the body is in, the results in the order of `ids`.

use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use futures::future::join_all;
use reqwest::Client;

/// Requests a second, and the burst a full bucket allows.
const PER_SECOND: f64 = 100.0;
const BURST: f64 = 100.0;
/// No request waits longer than this for its token (and the debt never grows past it).
const LONGEST_WAIT_SECS: f64 = 3.0;

struct Bucket {
    tokens: f64,
    refilled: Instant,
}

/// The limiter, shared by every call of the process, as a module-level `AsyncLimiter` is.
static BUCKET: Mutex<Option<Bucket>> = Mutex::new(None);

/// Takes one token, and says how long the request must wait before it may use it.
fn reserve() -> Duration {
    let mut guard = BUCKET.lock().unwrap_or_else(PoisonError::into_inner);
    let now = Instant::now();
    let bucket = guard.get_or_insert(Bucket {
        tokens: BURST,
        refilled: now,
    });
    let elapsed = now.saturating_duration_since(bucket.refilled).as_secs_f64();
    bucket.tokens = (bucket.tokens + elapsed * PER_SECOND).min(BURST);
    bucket.refilled = now;
    bucket.tokens = (bucket.tokens - 1.0).max(-PER_SECOND * LONGEST_WAIT_SECS);
    if bucket.tokens >= 0.0 {
        Duration::ZERO
    } else {
        Duration::from_secs_f64((-bucket.tokens / PER_SECOND).min(LONGEST_WAIT_SECS))
    }
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|&id| async move {
        // `async with limiter:`: wait for a token before the request leaves.
        let wait = reserve();
        if !wait.is_zero() {
            tokio::time::sleep(wait).await;
        }
        fetch_and_digest(client, base_url, id, digest).await
    });
    join_all(each).await
}

/// One post: the GET and its body on the runtime, then the digest on the blocking pool.
async fn fetch_and_digest(
    client: &Client,
    base_url: &str,
    id: u64,
    digest: fn(&[u8]) -> u64,
) -> Result<u64, reqwest::Error> {
    let body = client
        .get(format!("{base_url}/posts/{id}"))
        .send()
        .await?
        .error_for_status()?
        .bytes()
        .await?;
    let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
    Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
}
