//! Correct: state kept across calls where it is safe: process-wide statistics (requests, failures,
//! bytes in atomics, the last 64 digests in a `static Mutex`), the fix for
//! `stats_guard_held_over_digest`. The digest is computed into a local first and only then is the
//! lock taken, for a push, on the blocking thread; the runtime's side touches atomics only, so no
//! lock is ever held over a digest or waited for on the runtime.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, PoisonError};

use futures::future::join_all;
use reqwest::Client;

/// How many recent digests the statistics keep.
const RECENT: usize = 64;

static REQUESTS: AtomicU64 = AtomicU64::new(0);
static FAILURES: AtomicU64 = AtomicU64::new(0);
static BYTES: AtomicU64 = AtomicU64::new(0);
static RECENT_DIGESTS: Mutex<VecDeque<u64>> = Mutex::new(VecDeque::new());

/// The process's statistics so far: requests, failures, bytes received, the last digests.
#[allow(
    dead_code,
    reason = "for the program's own report; the checks do not read it"
)]
pub fn digest_stats() -> (u64, u64, u64, Vec<u64>) {
    let recent = RECENT_DIGESTS
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .iter()
        .copied()
        .collect();
    (
        REQUESTS.load(Ordering::Relaxed),
        FAILURES.load(Ordering::Relaxed),
        BYTES.load(Ordering::Relaxed),
        recent,
    )
}

/// Digests `body` and remembers the digest; the lock is taken only once `digest` has returned.
fn digest_and_record(digest: fn(&[u8]) -> u64, body: &[u8]) -> u64 {
    let value = digest(body);
    let mut recent = RECENT_DIGESTS
        .lock()
        .unwrap_or_else(PoisonError::into_inner);
    if recent.len() == RECENT {
        recent.pop_front();
    }
    recent.push_back(value);
    value
}

/// The GET, its status checked, its body's bytes as they came.
async fn fetch(client: &Client, url: &str) -> Result<Vec<u8>, reqwest::Error> {
    let body = client
        .get(url)
        .send()
        .await?
        .error_for_status()?
        .bytes()
        .await?;
    Ok(Vec::from(body))
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|id| async move {
        REQUESTS.fetch_add(1, Ordering::Relaxed);
        let answer = fetch(client, &format!("{base_url}/posts/{id}")).await;
        let body = match answer {
            Ok(body) => body,
            Err(err) => {
                FAILURES.fetch_add(1, Ordering::Relaxed);
                return Err(err);
            }
        };
        BYTES.fetch_add(
            u64::try_from(body.len()).unwrap_or(u64::MAX),
            Ordering::Relaxed,
        );
        let digested = tokio::task::spawn_blocking(move || digest_and_record(digest, &body)).await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
