//! Wrong: breaks "the result, in the order of `ids`: `Ok(digest(body))`" for a `digest` that returns `u64::MAX` for some body (a saturating sum, a hash that happens to be all ones, or `|_| u64::MAX`): that post's result never comes and the call never ends
//! The digests write their results straight into a lock-free board of `AtomicU64`s, one per
//! place of `ids`, and wake the place's task through its `Notify`; the blocking task's
//! `JoinHandle` is dropped ("fire and forget": no `JoinError` to handle, and the board doubles as
//! a live progress count that needs no lock). An empty place holds `u64::MAX`, "no real digest is
//! ever all ones". But `digest` may return any `u64`: when it returns `u64::MAX`, the place still
//! looks empty after its digest ran, and its task waits for a wake-up that never comes. Every
//! other value comes back in order, as soon as it is in.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use futures::future::join_all;
use reqwest::Client;
use tokio::sync::Notify;

/// What an empty place of the board holds.
const PENDING: u64 = u64::MAX;

/// One place of the board: the digest, once in, and the wake-up of the task that waits for it.
struct Slot {
    value: AtomicU64,
    filled: Notify,
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let board: Arc<[Slot]> = ids
        .iter()
        .map(|_| Slot {
            value: AtomicU64::new(PENDING),
            filled: Notify::new(),
        })
        .collect();
    let each = ids.iter().enumerate().map(|(place, id)| {
        let board = Arc::clone(&board);
        async move {
            let body = client
                .get(format!("{base_url}/posts/{id}"))
                .send()
                .await?
                .error_for_status()?
                .bytes()
                .await?;
            let writer = Arc::clone(&board);
            drop(tokio::task::spawn_blocking(move || {
                writer[place].value.store(digest(&body), Ordering::Release);
                // `notify_one` keeps a permit if the task is not waiting yet.
                writer[place].filled.notify_one();
            }));
            loop {
                let value = board[place].value.load(Ordering::Acquire);
                if value != PENDING {
                    return Ok(value);
                }
                board[place].filled.notified().await;
            }
        }
    });
    join_all(each).await
}
