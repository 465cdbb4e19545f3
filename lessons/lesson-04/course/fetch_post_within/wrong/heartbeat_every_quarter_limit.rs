//! Wrong: breaks "never a panic": it prints a "still waiting" line every quarter of `limit` (at most every 5 s) from a `tokio::time::interval`, which panics on a zero period, so `Duration::ZERO` panics before anything is sent; a learner used to progress heartbeats in long-running aiohttp calls writes this without thinking of the zero limit.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;
use tokio::time::{Instant, MissedTickBehavior};

use crate::ApiError;

/// Fetches post `id`, giving up after `limit`, classifying any failure; while it waits, it says
/// so on stderr a few times, so that a slow server is visible before the limit passes.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let beat = (limit / 4).min(Duration::from_secs(5));
    let mut heartbeat = tokio::time::interval(beat);
    heartbeat.set_missed_tick_behavior(MissedTickBehavior::Delay);
    heartbeat.tick().await;

    let started = Instant::now();
    let request =
        crate::fetch_json::<Post>(client.get(format!("{base_url}/posts/{id}")).timeout(limit));
    tokio::pin!(request);

    loop {
        tokio::select! {
            outcome = &mut request => return outcome,
            _ = heartbeat.tick() => {
                eprintln!("post {id}: still waiting after {:?}", started.elapsed());
            }
        }
    }
}
