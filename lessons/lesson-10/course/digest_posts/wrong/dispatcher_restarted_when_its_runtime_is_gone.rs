//! Wrong: breaks "no panic" (and "the digests of different posts run at the same time")
//! The learner read that a task spawned once into a `static` dies with its runtime, and fixed it:
//! one process-wide dispatcher task hands digests to the blocking pool, and when sending to it fails
//! (its runtime was dropped), a new one is started on the caller's runtime. Sequential runtimes
//! work. But two runtimes alive side by side share the first one's dispatcher: while that runtime
//! is not being driven, the other's digests wait, and when it is dropped, jobs still in its channel
//! or its blocking queue are dropped and the waiting call's `expect` panics.

use std::sync::{Mutex, PoisonError};

use futures::future::join_all;
use reqwest::Client;
use tokio::sync::{mpsc, oneshot};

type Job = Box<dyn FnOnce() + Send + 'static>;

/// The dispatcher's inbox; `None` before the first call.
static DISPATCHER: Mutex<Option<mpsc::UnboundedSender<Job>>> = Mutex::new(None);

/// Hands a job to the dispatcher, starting one on this runtime if there is none or it is gone.
fn submit(job: Job) {
    let mut slot = DISPATCHER.lock().unwrap_or_else(PoisonError::into_inner);
    let job = match slot.as_ref() {
        Some(inbox) => match inbox.send(job) {
            Ok(()) => return,
            // Its runtime was dropped, and the dispatcher with it.
            Err(mpsc::error::SendError(job)) => job,
        },
        None => job,
    };
    let (inbox, mut jobs) = mpsc::unbounded_channel::<Job>();
    tokio::spawn(async move {
        while let Some(job) = jobs.recv().await {
            drop(tokio::task::spawn_blocking(job));
        }
    });
    // The receiver was just made and lives in the task: this send cannot fail.
    let _ = inbox.send(job);
    *slot = Some(inbox);
}

async fn one_post(
    client: &Client,
    url: String,
    digest: fn(&[u8]) -> u64,
) -> Result<u64, reqwest::Error> {
    let body = client
        .get(url)
        .send()
        .await?
        .error_for_status()?
        .bytes()
        .await?;
    let (reply, digested) = oneshot::channel();
    submit(Box::new(move || {
        let _ = reply.send(digest(&body));
    }));
    Ok(digested.await.expect("the dispatcher always runs the job"))
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids
        .iter()
        .map(|id| one_post(client, format!("{base_url}/posts/{id}"), digest));
    join_all(each).await
}
