//! Wrong: "never a panic": it warns when an answer used most of its `limit` by computing `limit - started.elapsed()`, and `Duration` subtraction panics whenever the answer wins the race against reqwest's timer after `limit` has passed (the timer fires at its next millisecond tick, so an answer can still get in just after `limit`): in a probe against a fast local server a 1 ms limit panicked in 129 calls of 200, while `Duration::ZERO` never let an answer in and answers well inside or well past their limit never do.

use std::time::{Duration, Instant};

use lesson_support::models::Post;
use reqwest::Client;

use crate::ApiError;

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let started = Instant::now();
    let post = client
        .get(format!("{base_url}/posts/{id}"))
        .timeout(limit)
        .send()
        .await?
        .error_for_status()?
        .json::<Post>()
        .await?;
    // A call that only just made it is worth a note: the caller's limit may be too tight.
    // (reqwest gave us the post, so it arrived within `limit`: what is left cannot be negative.)
    let spare = limit - started.elapsed();
    if spare < limit / 10 {
        eprintln!("note: post {id} arrived with only {spare:?} of its {limit:?} to spare");
    }
    Ok(post)
}
