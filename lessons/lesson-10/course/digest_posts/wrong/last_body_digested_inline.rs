//! Wrong: breaks "`digest` never runs on a thread of the runtime: while digests run, the runtime's other tasks keep running"
//! Every request goes out at once and every digest but one goes to the blocking pool as soon as its
//! body is in. The pipeline that is the last to finish its request digests inline: "every other
//! request is done, the caller is waiting for this very result, so a hop to the blocking pool would
//! only add latency". The function's own work is indeed done; the caller's other tasks (a
//! heartbeat, a server, a UI) are not, and wait for that digest.

use std::sync::atomic::{AtomicUsize, Ordering};

use futures::future::join_all;
use reqwest::Client;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    // How many requests are still on the wire.
    let pending = AtomicUsize::new(ids.len());
    let pending = &pending;
    let each = ids.iter().map(|id| async move {
        let fetched = async {
            client
                .get(format!("{base_url}/posts/{id}"))
                .send()
                .await?
                .error_for_status()?
                .bytes()
                .await
        }
        .await;
        // This request is over, whatever its outcome.
        let last = pending.fetch_sub(1, Ordering::AcqRel) == 1;
        let body = fetched?;
        if last {
            // Nothing left to wait for on the network: digest right here.
            return Ok::<u64, reqwest::Error>(digest(&body));
        }
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
