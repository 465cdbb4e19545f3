//! Wrong: breaks "the digests of different posts run at the same time (tokio's blocking pool, or threads of your own, awaited without blocking)"
//! The learner builds a pool of threads of its own, the Rust Book's `ThreadPool` (workers taking
//! boxed jobs from a shared `mpsc` receiver, each result sent back over a oneshot and awaited),
//! "sized to the work": as many workers as the batch has posts, and never fewer than the cores.
//! Threads are dear, so the pool is built once, in a `OnceLock`, and reused by every later call.
//! The first call in the process fixes its size for good: a later call with more posts than that
//! queues its digests behind the workers, and they no longer all run at once.

use std::sync::mpsc;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};
use std::thread;

use futures::future::join_all;
use reqwest::Client;
use tokio::sync::oneshot;

type Job = Box<dyn FnOnce() + Send + 'static>;

/// Threads of our own that run jobs one after another, as long as the program runs.
struct Pool {
    jobs: Mutex<mpsc::Sender<Job>>,
}

impl Pool {
    fn new(size: usize) -> Pool {
        let (sender, receiver) = mpsc::channel::<Job>();
        let receiver = Arc::new(Mutex::new(receiver));
        for n in 0..size.max(1) {
            let receiver = Arc::clone(&receiver);
            thread::Builder::new()
                .name(format!("digest-{n}"))
                .spawn(move || {
                    loop {
                        // The lock is let go at the end of this statement, before the job runs.
                        let job = match receiver
                            .lock()
                            .unwrap_or_else(PoisonError::into_inner)
                            .recv()
                        {
                            Ok(job) => job,
                            Err(_) => return,
                        };
                        job();
                    }
                })
                .expect("the OS refused a digest worker thread");
        }
        Pool {
            jobs: Mutex::new(sender),
        }
    }

    fn execute(&self, job: Job) {
        // The workers never hang up: they live as long as the program.
        let _ = self
            .jobs
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .send(job);
    }
}

/// The pool, built on first use with one worker per post of that batch (at least one per core).
fn pool(batch: usize) -> &'static Pool {
    static POOL: OnceLock<Pool> = OnceLock::new();
    POOL.get_or_init(|| {
        let cores = thread::available_parallelism().map_or(1, |n| n.get());
        Pool::new(batch.max(cores))
    })
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let pool = pool(ids.len());
    let each = ids.iter().map(|id| async move {
        let body = client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        let (reply, digested) = oneshot::channel();
        pool.execute(Box::new(move || {
            let _ = reply.send(digest(&body));
        }));
        Ok(digested
            .await
            .expect("a digest worker runs every job it takes"))
    });
    join_all(each).await
}
