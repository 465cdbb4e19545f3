//! Wrong: breaks "`digest` never runs on a thread of the runtime"
//! The careful learner takes the chapter at its word: "Short work, say under a millisecond between
//! awaits, is fine inline: moving it to another thread costs more than it saves". Each digest is
//! timed; a digest function whose last run took under a millisecond is called inline from then on,
//! and one that was slow (or never measured) goes to `spawn_blocking`. The slow 300 ms digest is
//! always offloaded, but a quick one runs on the runtime's thread once measured, and a digest that
//! is quick on small bodies blocks the runtime on the first large one.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

use futures::future::join_all;
use reqwest::Client;

/// The chapter's line between work that may stay inline and work that must move.
const SHORT: Duration = Duration::from_millis(1);

/// The last measured run of each digest function, by its address.
fn timings() -> &'static Mutex<HashMap<usize, Duration>> {
    static TIMINGS: OnceLock<Mutex<HashMap<usize, Duration>>> = OnceLock::new();
    TIMINGS.get_or_init(|| Mutex::new(HashMap::new()))
}

fn is_short(digest: fn(&[u8]) -> u64) -> bool {
    timings()
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
        .get(&(digest as usize))
        .is_some_and(|&took| took < SHORT)
}

/// Runs `digest` and writes down how long it took.
fn timed(digest: fn(&[u8]) -> u64, body: &[u8]) -> u64 {
    let started = Instant::now();
    let value = digest(body);
    timings()
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
        .insert(digest as usize, started.elapsed());
    value
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|id| async move {
        let body = client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        if is_short(digest) {
            // Cheaper than a trip to the blocking pool and back.
            return Ok(timed(digest, &body));
        }
        let digested = tokio::task::spawn_blocking(move || timed(digest, &body)).await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
