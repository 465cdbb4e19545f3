//! Wrong: breaks "`digest` never runs on a thread of the runtime: while digests run, the runtime's other tasks keep running, and the digests of different posts run at the same time"
//! The learner reads "a call into a synchronous library" and thinks of libraries that keep state per function (a parser's
//! arena, a hasher's tables, a log the function writes down): within a call the contract wants digests side by side, so the
//! library must allow that, but two callers' batches of the *same* `digest` would interleave that state. So calls that share a
//! `digest` take turns, through a process-wide async lock per `fn` pointer (awaited, never blocking a thread), and calls with
//! different digests run side by side. Two calls at once with one `digest` no longer overlap: the second waits out the first.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use futures::future::join_all;
use reqwest::Client;

/// One turn per digest function, shared by every call in the process.
static TURNS: OnceLock<Mutex<HashMap<usize, Arc<tokio::sync::Mutex<()>>>>> = OnceLock::new();

fn turn_for(digest: fn(&[u8]) -> u64) -> Arc<tokio::sync::Mutex<()>> {
    let turns = TURNS.get_or_init(Default::default);
    let mut turns = turns
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    Arc::clone(turns.entry(digest as usize).or_default())
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    // Batches of one digest function take turns; inside a batch, everything at once.
    let _turn = turn_for(digest).lock_owned().await;
    let each = ids.iter().map(|id| async move {
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
    join_all(each).await
}
