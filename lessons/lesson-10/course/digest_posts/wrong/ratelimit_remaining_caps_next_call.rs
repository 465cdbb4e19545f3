//! Wrong: breaks "one GET `{base_url}/posts/{id}` per entry of `ids` (...), all in flight together"
//! The learner has used GitHub's API (and octokit's throttling plugin): answers carry
//! `X-RateLimit-Remaining` (or the IETF draft's `RateLimit-Remaining`), and a polite client never
//! has more requests out at once than the server says it has left. So the lowest budget seen in a
//! call is remembered per base URL, and the next call to it keeps at most that many requests in
//! flight (at least one). The checks' answers carry an `ETag`, `Last-Modified`, `Cache-Control`
//! and `Age`, never a rate-limit header, so their calls all go out at once.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex, PoisonError};

use futures::stream::{self, StreamExt};
use reqwest::Client;
use reqwest::header::HeaderMap;

/// The budget each server gave in its last call's answers, by base URL.
static BUDGET: LazyLock<Mutex<HashMap<String, usize>>> = LazyLock::new(Default::default);

/// What the server says is left of its rate limit, if it says.
fn remaining(headers: &HeaderMap) -> Option<usize> {
    ["x-ratelimit-remaining", "ratelimit-remaining"]
        .iter()
        .find_map(|name| headers.get(*name)?.to_str().ok()?.trim().parse().ok())
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let allowed = BUDGET
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .get(base_url)
        .copied();
    let in_flight = allowed.unwrap_or(ids.len()).max(1);

    let lowest: Mutex<Option<usize>> = Mutex::new(None);
    let lowest = &lowest;
    let results = stream::iter(ids)
        .map(|id| async move {
            let response = client.get(format!("{base_url}/posts/{id}")).send().await?;
            if let Some(left) = remaining(response.headers()) {
                let mut low = lowest.lock().unwrap_or_else(PoisonError::into_inner);
                *low = Some(low.map_or(left, |seen| seen.min(left)));
            }
            let body = response.error_for_status()?.bytes().await?;
            let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
            Ok::<u64, reqwest::Error>(
                digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())),
            )
        })
        .buffered(in_flight)
        .collect::<Vec<_>>()
        .await;

    let seen = lowest.lock().unwrap_or_else(PoisonError::into_inner).take();
    let mut budget = BUDGET.lock().unwrap_or_else(PoisonError::into_inner);
    match seen {
        Some(left) => {
            budget.insert(base_url.to_owned(), left);
        }
        None => {
            budget.remove(base_url);
        }
    }
    results
}
