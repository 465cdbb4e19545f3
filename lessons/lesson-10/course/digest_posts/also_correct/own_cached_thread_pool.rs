//! Correct: the digests run on a pool of threads of one's own that grows on demand, Java's
//! `Executors.newCachedThreadPool()`: a body goes to an idle worker if there is one and to a new
//! thread otherwise (so nothing queues and every digest starts the moment its body is in, side by
//! side with the others), workers that stay idle for a minute end, and each result comes back over
//! a `tokio::sync::oneshot` that the task awaits (never a `.join()`). The requests and their
//! bodies stay on the runtime, all in flight together through `join_all`. The pool is made of
//! plain threads, so it does not care which runtime a call comes from, or whether an earlier one
//! has been dropped.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use futures::future::join_all;
use reqwest::Client;

/// A piece of blocking work for the pool.
type Job = Box<dyn FnOnce() + Send + 'static>;

/// How long a worker waits for more work before it ends.
const IDLE_FOR: Duration = Duration::from_secs(60);

/// The workers waiting for a job, each with its number and the way to hand it one.
static IDLE: Mutex<Vec<(u64, mpsc::Sender<Job>)>> = Mutex::new(Vec::new());

/// Numbers the workers, so that one can find itself in `IDLE`.
static NEXT_WORKER: AtomicU64 = AtomicU64::new(0);

fn idle() -> std::sync::MutexGuard<'static, Vec<(u64, mpsc::Sender<Job>)>> {
    IDLE.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Runs `job` at once: on an idle worker, or on a new one.
fn run_on_pool(mut job: Job) {
    loop {
        let Some((_, worker)) = idle().pop() else {
            break;
        };
        match worker.send(job) {
            Ok(()) => return,
            // That worker has ended (its thread died): try the next one.
            Err(mpsc::SendError(back)) => job = back,
        }
    }
    let number = NEXT_WORKER.fetch_add(1, Ordering::Relaxed);
    let (me, jobs) = mpsc::channel::<Job>();
    std::thread::spawn(move || worker(number, job, &me, &jobs));
}

/// A worker's life: its first job, then whatever it is handed while idle, until a minute passes
/// with nothing to do.
fn worker(number: u64, first: Job, me: &mpsc::Sender<Job>, jobs: &mpsc::Receiver<Job>) {
    first();
    loop {
        idle().push((number, me.clone()));
        let job = match jobs.recv_timeout(IDLE_FOR) {
            Ok(job) => job,
            Err(RecvTimeoutError::Timeout) => {
                let mut waiting = idle();
                if let Some(at) = waiting.iter().position(|(n, _)| *n == number) {
                    waiting.swap_remove(at);
                    return;
                }
                drop(waiting);
                // Someone took this worker from the list just now: its job is on the way.
                match jobs.recv() {
                    Ok(job) => job,
                    Err(_) => return,
                }
            }
            Err(RecvTimeoutError::Disconnected) => return,
        };
        job();
    }
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
        let (answer, answered) = tokio::sync::oneshot::channel();
        run_on_pool(Box::new(move || {
            let _ = answer.send(digest(&body));
        }));
        let digested = answered
            .await
            .expect("a digest never panics, so its worker always answers");
        Ok::<u64, reqwest::Error>(digested)
    });
    join_all(each).await
}
