//! Wrong: breaks "no panic: `digest` itself never panics."
//! The pipelines are the right ones (request and body on the runtime, digest on the blocking pool,
//! all together), and the learner adds the lesson's own blocking detector as a guard: the lesson's
//! `Heartbeat`, copied in, ticks beside the batch, and a `debug_assert!` fails the call when its
//! longest gap says the runtime was held for 250 ms, "so that if a digest ever sneaks onto the
//! runtime's thread, I hear about it". But the gap measures the whole runtime, not this function:
//! when the caller's other code holds the thread, or the clock does not move, a correct call
//! panics.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use futures::future::join_all;
use reqwest::Client;
use tokio::task::JoinHandle;

/// How often the heartbeat ticks (the lesson's `HEARTBEAT_PERIOD`).
const HEARTBEAT_PERIOD: Duration = Duration::from_millis(10);

/// A gap this long means something held the runtime: 25 ticks missed.
const MOST_HELD: Duration = Duration::from_millis(250);

/// Lesson 10's heartbeat: a task that ticks every `period` and remembers the longest gap.
struct Heartbeat {
    origin: Instant,
    last_tick: Arc<AtomicU64>,
    longest: Arc<AtomicU64>,
    task: JoinHandle<()>,
}

impl Heartbeat {
    fn start(period: Duration) -> Heartbeat {
        let origin = Instant::now();
        let (last_tick, longest) = (Arc::new(AtomicU64::new(0)), Arc::new(AtomicU64::new(0)));
        let task = tokio::spawn({
            let (last_tick, longest) = (Arc::clone(&last_tick), Arc::clone(&longest));
            async move {
                loop {
                    tokio::time::sleep(period).await;
                    let now = micros_since(origin);
                    let gap = now.saturating_sub(last_tick.swap(now, Ordering::Relaxed));
                    longest.fetch_max(gap, Ordering::Relaxed);
                }
            }
        });
        Heartbeat {
            origin,
            last_tick,
            longest,
            task,
        }
    }

    /// Stops the heartbeat and returns the longest gap it saw, the one still open included.
    fn stop(self) -> Duration {
        self.task.abort();
        let open = micros_since(self.origin).saturating_sub(self.last_tick.load(Ordering::Relaxed));
        Duration::from_micros(self.longest.load(Ordering::Relaxed).max(open))
    }
}

fn micros_since(origin: Instant) -> u64 {
    u64::try_from(origin.elapsed().as_micros()).unwrap_or(u64::MAX)
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let heartbeat = Heartbeat::start(HEARTBEAT_PERIOD);
    let each = ids.iter().map(|&id| async move {
        let body = client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok::<u64, reqwest::Error>(
            digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())),
        )
    });
    let results = join_all(each).await;
    let longest_gap = heartbeat.stop();
    // A check for debug builds only, as asyncio's debug mode has one.
    debug_assert!(
        longest_gap < MOST_HELD,
        "digest_posts: the runtime was held for {longest_gap:?}; is a digest running on its thread?"
    );
    results
}
