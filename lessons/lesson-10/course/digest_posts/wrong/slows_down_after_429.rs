//! Wrong: breaks "all in flight together"
//! The learner puts lessons 05 and 07 together: a 429 or a 503 is the server saying "slow down",
//! and the bound on requests in flight "belongs in the calling code". So the function keeps, per
//! `base_url` and process-wide, a window in the AIMD way of TCP: all at once to begin with, but a
//! call that met a 429 or a 503 halves the window of the next calls to that server (a
//! `buffer_unordered(window)`), and each clean call doubles it back. A call to a server that never
//! said "slow down" is exactly right.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, PoisonError};

use futures::stream::{self, StreamExt};
use reqwest::{Client, StatusCode};

/// Past this the window is no bound at all: forget it.
const FULL_SPEED: usize = 1024;

/// The window of requests in flight for each server that asked us to slow down.
static WINDOWS: Mutex<BTreeMap<String, usize>> = Mutex::new(BTreeMap::new());

fn window_for(base_url: &str) -> Option<usize> {
    WINDOWS
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .get(base_url)
        .copied()
}

fn remember_window(base_url: &str, window: Option<usize>) {
    let mut windows = WINDOWS.lock().unwrap_or_else(PoisonError::into_inner);
    match window {
        Some(window) if window < FULL_SPEED => {
            windows.insert(base_url.to_owned(), window);
        }
        _ => {
            windows.remove(base_url);
        }
    }
}

/// One post: the request and its body on the runtime, the digest on the blocking pool.
async fn fetch_and_digest(
    client: &Client,
    url: &str,
    digest: fn(&[u8]) -> u64,
    told_to_slow_down: &AtomicBool,
) -> Result<u64, reqwest::Error> {
    let response = client.get(url).send().await?;
    if matches!(
        response.status(),
        StatusCode::TOO_MANY_REQUESTS | StatusCode::SERVICE_UNAVAILABLE
    ) {
        told_to_slow_down.store(true, Ordering::Relaxed);
    }
    let body = response.error_for_status()?.bytes().await?;
    let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
    Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let remembered = window_for(base_url);
    // Lesson 05: never 0 (nothing would start), and more than the ids changes nothing.
    let window = remembered.unwrap_or(ids.len()).clamp(1, ids.len().max(1));
    let slow_down = AtomicBool::new(false);
    let told_to_slow_down = &slow_down;

    let mut finished = stream::iter(ids.iter().copied().enumerate())
        .map(|(index, id)| async move {
            let url = format!("{base_url}/posts/{id}");
            (
                index,
                fetch_and_digest(client, &url, digest, told_to_slow_down).await,
            )
        })
        .buffer_unordered(window);
    let mut slots: Vec<Option<Result<u64, reqwest::Error>>> = ids.iter().map(|_| None).collect();
    while let Some((index, result)) = finished.next().await {
        slots[index] = Some(result);
    }
    drop(finished);

    // Multiplicative decrease after "slow down", and back up to full speed by doubling.
    if slow_down.load(Ordering::Relaxed) {
        remember_window(base_url, Some((window / 2).max(1)));
    } else if let Some(previous) = remembered {
        remember_window(base_url, Some(previous.saturating_mul(2)));
    }

    slots
        .into_iter()
        .map(|slot| slot.expect("every position gets its result"))
        .collect()
}
