//! Wrong: breaks "a successful answer's body, exactly as it arrived (...), goes to `digest` once"
//! The learner keeps a process-wide pool of digest threads that grows on demand, Java's cached
//! thread pool, and makes the jobs plain data, "nothing boxed": a worker is a thread started with
//! the `digest` it runs, and a job is only a body and a oneshot for its result. Within one call all
//! is right, and so across calls with the same `digest`; but an idle worker left by an earlier call
//! runs *that* call's function on the new call's bodies.

use std::sync::mpsc;
use std::sync::{Mutex, PoisonError};

use futures::future::join_all;
use reqwest::Client;
use tokio::sync::oneshot;

/// A body to digest and where its digest goes.
type Job = (Vec<u8>, oneshot::Sender<u64>);

/// Workers waiting for a job, process-wide: each is the sending end of its own queue.
static IDLE: Mutex<Vec<mpsc::Sender<Job>>> = Mutex::new(Vec::new());

/// Starts a worker that runs `digest` on every body sent to it, and goes back on the idle list
/// after each one.
fn start_worker(digest: fn(&[u8]) -> u64) -> mpsc::Sender<Job> {
    let (jobs, queue) = mpsc::channel::<Job>();
    let me = jobs.clone();
    std::thread::spawn(move || {
        for (body, reply) in queue {
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
    let mut job: Job = (body, reply);
    loop {
        let idle = IDLE.lock().unwrap_or_else(PoisonError::into_inner).pop();
        let worker = idle.unwrap_or_else(|| start_worker(digest));
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
