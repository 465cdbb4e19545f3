//! Wrong: breaks "the digests of different posts run at the same time"
//! The digests go to a pool of threads of one's own, the Rust Book's `ThreadPool` (workers that
//! take boxed jobs from a `std::sync::mpsc` receiver behind an `Arc<Mutex<..>>`), each result
//! coming back through a `tokio::sync::oneshot` that the task awaits without blocking. The
//! requests and bodies stay on the runtime, all at once. The pool gets one worker per id, but at
//! most 64: "threads are not free, and 64 is more than any machine has cores" (the chapter's own
//! remark that CPU work wants a bounded pool). Up to 64 posts every digest starts the moment its
//! body is in and they all overlap, 33 slow ones included. With 65 or more bodies in at once, the
//! 65th digest waits in the queue for a worker to finish someone else's digest, where tokio's
//! blocking pool (up to 512 threads) would have started it at once.

use std::sync::{Arc, Mutex, mpsc};
use std::thread;

use futures::future::join_all;
use reqwest::Client;
use tokio::sync::oneshot;

/// The most worker threads the pool starts.
const MAX_WORKERS: usize = 64;

/// A digest waiting for a worker.
type Job = Box<dyn FnOnce() + Send + 'static>;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let (jobs, queue) = mpsc::channel::<Job>();
    let queue = Arc::new(Mutex::new(queue));
    for _ in 0..ids.len().clamp(1, MAX_WORKERS) {
        let queue = Arc::clone(&queue);
        // Never joined: a worker ends by itself once `jobs` is dropped and the queue is empty.
        thread::spawn(move || {
            loop {
                // The lock is released at the end of this statement, before the job runs.
                let job = match queue.lock() {
                    Ok(guard) => guard.recv(),
                    Err(_) => return,
                };
                match job {
                    Ok(job) => job(),
                    Err(_) => return,
                }
            }
        });
    }

    let sender = &jobs;
    let each = ids.iter().map(|&id| async move {
        let body = client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        let (done, digested) = oneshot::channel();
        let job: Job = Box::new(move || {
            // The task may be gone (its future dropped); nobody is left to tell.
            let _ = done.send(digest(&body));
        });
        if sender.send(job).is_err() {
            unreachable!("the workers keep the queue open while `jobs` lives");
        }
        // Awaiting the channel gives the runtime's thread back while the worker digests.
        Ok::<u64, reqwest::Error>(digested.await.expect("`digest` never panics"))
    });
    let results = join_all(each).await;
    // No more jobs: the idle workers see the queue close and end.
    drop(jobs);
    results
}
