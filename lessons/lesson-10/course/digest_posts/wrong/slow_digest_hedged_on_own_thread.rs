//! Wrong: breaks "a successful answer's body ... goes to `digest` once" for a `digest` that takes longer than 1.5 s (a large parse; say one of 2 s)
//! The hedged-request pattern, applied to the digest: the digest goes to tokio's blocking pool,
//! and if it has not answered within 1.5 s the code assumes the pool is saturated or the
//! library call is stuck, and starts a second copy on a thread of its own; whichever answers
//! first is the result. No time limit, nothing blocks the runtime, every digest under 1.5 s is
//! untouched; but the contract says `digest` "may take a long time", and a slow one is now
//! called twice on the same body. (On a paused clock nothing changes: a running blocking task
//! keeps tokio's clock from jumping ahead.)

use std::time::Duration;

use futures::future::join_all;
use reqwest::Client;
use tokio::sync::oneshot;

/// How long a digest may take on the blocking pool before a second copy is started.
const HEDGE_AFTER: Duration = Duration::from_millis(1500);

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
        let for_pool = body.clone();
        let mut pooled = tokio::task::spawn_blocking(move || digest(&for_pool));
        let first_try = tokio::select! {
            done = &mut pooled => Some(done),
            () = tokio::time::sleep(HEDGE_AFTER) => None,
        };
        let digested = match first_try {
            Some(done) => done,
            None => {
                // Slow: hedge with a copy on a thread of our own, keep whichever answers first.
                let (send, own) = oneshot::channel();
                std::thread::spawn(move || {
                    let _ = send.send(digest(&body));
                });
                tokio::select! {
                    done = pooled => done,
                    Ok(value) = own => Ok(value),
                }
            }
        };
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
