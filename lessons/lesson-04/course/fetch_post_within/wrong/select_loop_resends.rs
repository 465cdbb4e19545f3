//! Wrong: "one call, one request": a `select!` in a loop prints a progress note every minute of waiting, but `select!` builds its branch futures anew on each turn, so every note drops the request in flight and sends a fresh one (given what is left of `limit`, so the call still gives up on time): a call that waits longer than a minute sends one request per minute. Waits under a minute (the described checks go up to 45 s, on a paused clock) never see it.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;

use crate::ApiError;

/// How long a wait goes before it earns a note on stderr.
const NOTE_EVERY: Duration = Duration::from_secs(60);

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let url = format!("{base_url}/posts/{id}");
    let started = tokio::time::Instant::now();
    let response = loop {
        // `limit` is for the whole call, the notes' time included.
        let left = limit.saturating_sub(started.elapsed());
        tokio::select! {
            sent = client.get(&url).timeout(left).send() => break sent?,
            () = tokio::time::sleep(NOTE_EVERY) => {
                eprintln!(
                    "note: still waiting for post {id} after {:?} ({:?} left)",
                    started.elapsed(),
                    limit.saturating_sub(started.elapsed()),
                );
            }
        }
    };
    let post = response.error_for_status()?.json::<Post>().await?;
    Ok(post)
}
