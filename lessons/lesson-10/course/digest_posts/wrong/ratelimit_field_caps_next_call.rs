//! Wrong: breaks "all in flight together"
//! The learner follows the IETF draft's newest rate-limit header, the single structured field
//! `RateLimit: "default";r=5;t=30` (draft 07's `RateLimit: limit=100, remaining=5, reset=30` read
//! too): when a call's answers say only `r` requests are left in the window, the next call to that
//! base URL, before the window resets, keeps at most `r` (at least one) requests in flight, "so
//! one burst does not run through the quota". The older `X-RateLimit-*` / `RateLimit-Remaining`
//! headers are not read: the learner calls them superseded.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};
use std::time::{Duration, Instant};

use futures::future::join_all;
use reqwest::Client;
use tokio::sync::Semaphore;

/// What the server said last, per base URL: requests left, and until when that holds.
#[derive(Clone, Copy)]
struct Quota {
    remaining: u64,
    until: Instant,
}

static QUOTAS: LazyLock<Mutex<HashMap<String, Quota>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

/// The `RateLimit` field: `"policy";r=N;t=S` (draft 08 on) or `limit=L, remaining=N, reset=S`
/// (draft 07). Several policies: the tightest one counts.
fn read_quota(response: &reqwest::Response) -> Option<Quota> {
    let mut tightest: Option<Quota> = None;
    for value in response.headers().get_all("ratelimit") {
        let Ok(text) = value.to_str() else { continue };
        // Draft 08 lists policies separated by `,`, their parameters by `;`; draft 07 has one
        // policy whose parameters are separated by `,`.
        let items: Vec<&str> = if text.contains(';') {
            text.split(',').collect()
        } else {
            vec![text]
        };
        for item in items {
            let (mut remaining, mut reset) = (None, None);
            for parameter in item.split([';', ',']).map(str::trim) {
                let Some((name, number)) = parameter.split_once('=') else {
                    continue;
                };
                let number = number.trim().trim_matches('"').parse::<u64>().ok();
                match name.trim() {
                    "r" | "remaining" => remaining = number,
                    "t" | "reset" => reset = number,
                    _ => {}
                }
            }
            if let Some(remaining) = remaining {
                let window = Duration::from_secs(reset.unwrap_or(60).min(86_400));
                let until = Instant::now() + window;
                let quota = Quota { remaining, until };
                tightest = Some(match tightest {
                    Some(known) if known.remaining <= remaining => known,
                    _ => quota,
                });
            }
        }
    }
    tightest
}

fn remember(base_url: &str, quota: Quota) {
    let mut quotas = QUOTAS
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    quotas.insert(base_url.to_owned(), quota);
}

/// How many requests this call may have in flight at once, if the server set a bound.
fn bound_for(base_url: &str) -> Option<usize> {
    let quotas = QUOTAS
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let quota = quotas.get(base_url)?;
    (Instant::now() < quota.until)
        .then(|| usize::try_from(quota.remaining.max(1)).unwrap_or(usize::MAX))
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let gate =
        bound_for(base_url).map(|permits| Semaphore::new(permits.min(Semaphore::MAX_PERMITS)));
    let gate = &gate;
    let each = ids.iter().map(|id| async move {
        let body = {
            // Held over the request and its body, not over the digest.
            let _permit = match gate {
                Some(gate) => gate.acquire().await.ok(),
                None => None,
            };
            let response = client.get(format!("{base_url}/posts/{id}")).send().await?;
            if let Some(quota) = read_quota(&response) {
                remember(base_url, quota);
            }
            response.error_for_status()?.bytes().await?
        };
        let digested = tokio::task::spawn_blocking(move || digest(&body))
            .await
            .unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic()));
        Ok(digested)
    });
    join_all(each).await
}
