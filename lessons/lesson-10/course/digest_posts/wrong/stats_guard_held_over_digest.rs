//! Wrong: breaks "the digests of different posts run at the same time"
//! The learner keeps process-wide statistics, like a Prometheus registry: requests, failures, bytes,
//! and the last 64 digests, in one `static Mutex<Stats>`. Each digest is recorded in one line on the
//! blocking thread, `STATS.lock()..record_digest(digest(&body))`; but the receiver is evaluated
//! before the argument, so the guard is taken first and held while `digest` runs. The digests take
//! turns, and the runtime's thread, recording an answer, waits on the lock for a whole digest.

use std::collections::VecDeque;
use std::sync::{Mutex, PoisonError};

use futures::future::join_all;
use reqwest::Client;

/// How many recent digests the statistics keep.
const RECENT: usize = 64;

struct Stats {
    requests: u64,
    failures: u64,
    bytes: u64,
    recent: VecDeque<u64>,
}

impl Stats {
    fn record_answer(&mut self, answer: &Result<Vec<u8>, reqwest::Error>) {
        self.requests += 1;
        match answer {
            Ok(body) => {
                self.bytes += u64::try_from(body.len()).unwrap_or(u64::MAX);
            }
            Err(_) => self.failures += 1,
        }
    }

    /// Remembers a digest and hands it back, so recording fits in the expression that makes it.
    fn record_digest(&mut self, value: u64) -> u64 {
        if self.recent.len() == RECENT {
            self.recent.pop_front();
        }
        self.recent.push_back(value);
        value
    }
}

static STATS: Mutex<Stats> = Mutex::new(Stats {
    requests: 0,
    failures: 0,
    bytes: 0,
    recent: VecDeque::new(),
});

/// The process's statistics so far: requests, failures, bytes received, the last digests.
#[allow(
    dead_code,
    reason = "for the program's own report; the checks do not read it"
)]
pub fn digest_stats() -> (u64, u64, u64, Vec<u64>) {
    let stats = STATS.lock().unwrap_or_else(PoisonError::into_inner);
    (
        stats.requests,
        stats.failures,
        stats.bytes,
        stats.recent.iter().copied().collect(),
    )
}

/// The GET, its status checked, its body's bytes as they came (moved out of the `Bytes`, not
/// decoded).
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
        let answer = fetch(client, &format!("{base_url}/posts/{id}")).await;
        STATS
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .record_answer(&answer);
        let body = answer?;
        let digested = tokio::task::spawn_blocking(move || {
            STATS
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .record_digest(digest(&body))
        })
        .await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
