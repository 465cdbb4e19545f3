//! Wrong: breaks "while digests run, the runtime's other tasks keep running"
//! The learner ports Go's `sync.WaitGroup` declared at package level: each post is a detached
//! `tokio::spawn`ed task (request and raw body on the runtime, digest on `spawn_blocking`) that
//! writes its result into its own slot, and a process-wide counter of tasks in flight, with a
//! `Notify`, tells the call when "everything is done". Alone it is right; beside another call it
//! waits for *that* call's tasks too, so a quick second call returns only when the first call's
//! slow digests have ended.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use reqwest::Client;
use tokio::sync::Notify;

/// Tasks in flight, process-wide: the WaitGroup.
static IN_FLIGHT: AtomicUsize = AtomicUsize::new(0);
/// Woken when `IN_FLIGHT` drops to zero.
static ALL_DONE: Notify = Notify::const_new();

type Slots = Arc<Mutex<Vec<Option<Result<u64, reqwest::Error>>>>>;

/// `wg.Done()`, made a guard so that a task dropped halfway (its runtime shut down) still counts
/// itself out.
struct Done;

impl Drop for Done {
    fn drop(&mut self) {
        if IN_FLIGHT.fetch_sub(1, Ordering::SeqCst) == 1 {
            ALL_DONE.notify_waiters();
        }
    }
}

async fn pipeline(
    client: &Client,
    url: &str,
    digest: fn(&[u8]) -> u64,
) -> Result<u64, reqwest::Error> {
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
    let slots: Slots = Arc::new(Mutex::new((0..ids.len()).map(|_| None).collect()));
    // `wg.Add(len(ids))`, before any task starts.
    IN_FLIGHT.fetch_add(ids.len(), Ordering::SeqCst);
    for (index, id) in ids.iter().enumerate() {
        let client = client.clone();
        let url = format!("{base_url}/posts/{id}");
        let slots = Arc::clone(&slots);
        tokio::spawn(async move {
            let _done = Done;
            let result = pipeline(&client, &url, digest).await;
            slots.lock().unwrap_or_else(PoisonError::into_inner)[index] = Some(result);
        });
    }
    // `wg.Wait()`. The `Notified` is made before the counter is read, so a drop to zero in
    // between is not missed.
    loop {
        let notified = ALL_DONE.notified();
        if IN_FLIGHT.load(Ordering::SeqCst) == 0 {
            break;
        }
        notified.await;
    }
    let mut slots = slots.lock().unwrap_or_else(PoisonError::into_inner);
    slots
        .iter_mut()
        .map(|slot| slot.take().expect("every task of this call has finished"))
        .collect()
}
