//! Correct: the fix for `digest_workers_keep_first_calls_fn`: the same process-wide pool of
//! `std::thread` workers, kept across calls and runtimes and grown on demand (an idle worker if
//! there is one, a new thread if not, so every digest starts at once), but a job carries the
//! `digest` to run with its body (a `fn` pointer is `Copy`), so a worker left by an earlier call
//! runs this call's function. Results come back over a oneshot, awaited, never `.join()`ed.

use std::sync::mpsc;
use std::sync::{Mutex, PoisonError};

use futures::future::join_all;
use reqwest::Client;
use tokio::sync::oneshot;

/// What to run, on which body, and where its result goes.
struct Job {
    digest: fn(&[u8]) -> u64,
    body: Vec<u8>,
    reply: oneshot::Sender<u64>,
}

/// Workers waiting for a job, process-wide: each is the sending end of its own queue.
static IDLE: Mutex<Vec<mpsc::Sender<Job>>> = Mutex::new(Vec::new());

/// Starts a worker that runs each job's own `digest`, and goes back on the idle list after each.
fn start_worker() -> mpsc::Sender<Job> {
    let (jobs, queue) = mpsc::channel::<Job>();
    let me = jobs.clone();
    std::thread::spawn(move || {
        for Job {
            digest,
            body,
            reply,
        } in queue
        {
            // The caller may be gone (its future dropped): its digest is simply not wanted.
            let _ = reply.send(digest(&body));
            IDLE.lock()
                .unwrap_or_else(PoisonError::into_inner)
                .push(me.clone());
        }
    });
    jobs
}

/// Hands `body` to an idle worker, or to a new one if none is idle, and awaits its digest.
async fn digest_off_runtime(digest: fn(&[u8]) -> u64, body: Vec<u8>) -> u64 {
    let (reply, answer) = oneshot::channel();
    let mut job = Job {
        digest,
        body,
        reply,
    };
    loop {
        let idle = IDLE.lock().unwrap_or_else(PoisonError::into_inner).pop();
        let worker = idle.unwrap_or_else(start_worker);
        match worker.send(job) {
            Ok(()) => break,
            // That worker's thread is gone: try the next one.
            Err(mpsc::SendError(back)) => job = back,
        }
    }
    answer
        .await
        .expect("a digest worker answers every job (digest never panics)")
}

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
        Ok(digest_off_runtime(digest, Vec::from(body)).await)
    });
    join_all(each).await
}
