//! Wrong: breaks "`digest` never runs on a thread of the runtime"
//! The learner takes the chapter's "short work, say under a millisecond between awaits, is fine
//! inline: moving it to another thread costs more than it saves" and, rather than guess, measures:
//! every digest run on the blocking pool is timed, and the program remembers, per digest
//! function, how many runs it has seen and the slowest. A function seen 8 times and never over a
//! millisecond is "known to be quick" and from then on is called inline, in this call and every
//! later one. The first calls are right; once the quick digest has a record, it runs on the
//! runtime's thread (and a slow function whose first runs happened to be quick would block it).

use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use futures::future::join_all;
use reqwest::Client;

/// What is known of one digest function: how often it ran, and its slowest run.
#[derive(Clone, Copy)]
struct Cost {
    runs: u32,
    slowest: Duration,
}

/// Per digest function (its address), for the whole program.
static COSTS: Mutex<Vec<(usize, Cost)>> = Mutex::new(Vec::new());

/// "Short work is fine inline": under a millisecond, every time, over enough runs to trust it.
const QUICK: Duration = Duration::from_millis(1);
const RUNS_TO_TRUST: u32 = 8;

fn known_quick(key: usize) -> bool {
    let costs = COSTS.lock().unwrap_or_else(PoisonError::into_inner);
    costs
        .iter()
        .find(|(k, _)| *k == key)
        .is_some_and(|(_, cost)| cost.runs >= RUNS_TO_TRUST && cost.slowest < QUICK)
}

fn record(key: usize, took: Duration) {
    let mut costs = COSTS.lock().unwrap_or_else(PoisonError::into_inner);
    match costs.iter_mut().find(|(k, _)| *k == key) {
        Some((_, cost)) => {
            cost.runs = cost.runs.saturating_add(1);
            cost.slowest = cost.slowest.max(took);
        }
        None => costs.push((
            key,
            Cost {
                runs: 1,
                slowest: took,
            },
        )),
    }
}

async fn digest_one(
    client: &Client,
    url: String,
    digest: fn(&[u8]) -> u64,
) -> Result<u64, reqwest::Error> {
    let body = client
        .get(url)
        .send()
        .await?
        .error_for_status()?
        .bytes()
        .await?;
    let key = digest as usize;
    if known_quick(key) {
        // Cheaper than a hop to another thread, and measured to be so.
        return Ok(digest(&body));
    }
    let timed = tokio::task::spawn_blocking(move || {
        let started = Instant::now();
        let digested = digest(&body);
        (digested, started.elapsed())
    })
    .await;
    let (digested, took) = timed.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic()));
    record(key, took);
    Ok(digested)
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    join_all(
        ids.iter()
            .map(|id| digest_one(client, format!("{base_url}/posts/{id}"), digest)),
    )
    .await
}
