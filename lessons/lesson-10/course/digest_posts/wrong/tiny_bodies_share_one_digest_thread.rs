//! Wrong: breaks "the digests of different posts run at the same time" for posts whose bodies are 16 bytes or fewer (two posts answered `{}`, or an empty 200, or a 204, with a `digest` that blocks for 300 ms: the second digest starts only when the first has ended, 600 ms in all instead of 300)
//!
//! Bodies of a few bytes are not worth a trip to tokio's blocking pool (a thread hand-off, maybe
//! a thread spawned), so they go to one process-wide worker thread that digests them in turn,
//! and the task awaits the answer on a oneshot channel; larger bodies go to `spawn_blocking` as
//! usual. The digest never runs on the runtime's threads and the runtime never waits. The
//! engineer's assumption is that a digest's cost grows with its input, so tiny inputs cost
//! nothing; the contract's `digest` may take long whatever it is given (a call into a
//! synchronous library, a lookup, a lock), and tiny bodies then queue behind each other.

use std::sync::OnceLock;
use std::sync::mpsc;

use futures::future::join_all;
use reqwest::Client;
use tokio::sync::oneshot;

/// Bodies up to this size are digested on the shared worker thread.
const TINY_BODY: usize = 16;

/// A tiny body's digest, and where its value goes.
type Job = (fn(&[u8]) -> u64, Vec<u8>, oneshot::Sender<u64>);

/// The process-wide worker for tiny bodies, started on first use.
fn tiny_digests() -> &'static mpsc::Sender<Job> {
    static WORKER: OnceLock<mpsc::Sender<Job>> = OnceLock::new();
    WORKER.get_or_init(|| {
        let (jobs, queue) = mpsc::channel::<Job>();
        std::thread::Builder::new()
            .name("tiny-digests".into())
            .spawn(move || {
                for (digest, body, reply) in queue {
                    let _ = reply.send(digest(&body));
                }
            })
            .expect("start the tiny-digest thread");
        jobs
    })
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
        if body.len() <= TINY_BODY {
            let (reply, value) = oneshot::channel();
            tiny_digests()
                .send((digest, body.to_vec(), reply))
                .expect("the tiny-digest thread lives as long as the process");
            return Ok(value.await.expect("the tiny-digest thread always replies"));
        }
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
