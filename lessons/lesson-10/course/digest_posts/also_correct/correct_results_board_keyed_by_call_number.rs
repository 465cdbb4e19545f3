//! Correct: state shared by every call, kept apart per call: each post is a `tokio::spawn`ed task
//! (a clone of `client`, which shares its pool; request and raw body on the runtime, digest on
//! `spawn_blocking`) that writes its result on one process-wide board, in the row of its call (a
//! number from a process-wide counter, never reused) and the slot of its position. The call awaits
//! its tasks' handles, then takes its row off the board; a guard takes the row off too if the call
//! is dropped halfway, and a task whose row is gone drops its result. Two calls at once, or calls
//! on different runtimes, never see each other's slots.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard, OnceLock};

use reqwest::Client;

type Outcome = Result<u64, reqwest::Error>;
type Board = HashMap<u64, Vec<Option<Outcome>>>;

/// The number of the next call, process-wide.
static NEXT_CALL: AtomicU64 = AtomicU64::new(0);
/// One row per call in progress, one slot per entry of its `ids`.
static BOARD: OnceLock<Mutex<Board>> = OnceLock::new();

fn board() -> MutexGuard<'static, Board> {
    BOARD
        .get_or_init(|| Mutex::new(HashMap::new()))
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Takes a call's row off the board when the call ends, however it ends.
struct Row(u64);

impl Drop for Row {
    fn drop(&mut self) {
        board().remove(&self.0);
    }
}

async fn fetch_and_digest(client: &Client, url: String, digest: fn(&[u8]) -> u64) -> Outcome {
    let body = client
        .get(url)
        .send()
        .await?
        .error_for_status()?
        .bytes()
        .await?;
    let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
    Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let call = NEXT_CALL.fetch_add(1, Ordering::Relaxed);
    board().insert(call, (0..ids.len()).map(|_| None).collect());
    let row = Row(call);

    let handles: Vec<_> = ids
        .iter()
        .enumerate()
        .map(|(index, id)| {
            let client = client.clone();
            let url = format!("{base_url}/posts/{id}");
            tokio::spawn(async move {
                let outcome = fetch_and_digest(&client, url, digest).await;
                let mut board = board();
                if let Some(slots) = board.get_mut(&call) {
                    slots[index] = Some(outcome);
                }
            })
        })
        .collect();

    for handle in handles {
        if let Err(err) = handle.await {
            std::panic::resume_unwind(err.into_panic());
        }
    }

    let slots = board().remove(&call).unwrap_or_default();
    drop(row);
    slots
        .into_iter()
        .map(|slot| slot.expect("every task has written its slot before its handle resolved"))
        .collect()
}
