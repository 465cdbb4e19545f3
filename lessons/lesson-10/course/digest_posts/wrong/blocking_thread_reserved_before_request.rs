//! Wrong: breaks "the requests, their bodies included, are sent and read by async code on the runtime, not from inside `spawn_blocking` or a thread of your own (a blocking thread held for a request, or while a body arrives, is one fewer for blocking work)"
//! The learner ports Python's `fut = executor.submit(worker)` up front: each post's blocking worker
//! is started *before* its request goes out, and waits (`blocking_recv`) for the body to be handed
//! over, "so that no digest ever queues for a thread once its body is in". The request and the body
//! are still sent and read on the runtime, but every post holds a thread of the blocking pool for
//! the whole of its request and its body's arrival. A check sees it on a blocking pool of one
//! thread, with bodies slow to follow their heads: a probe task that asks that pool for its thread
//! waits as long as the first body takes to arrive.

use futures::future::join_all;
use reqwest::Client;
use tokio::sync::oneshot;

/// The worker's side: waits, on its blocking thread, until the body is handed over, then digests
/// it. `None` when the request failed and no body will ever come.
fn digest_when_handed<B: AsRef<[u8]>>(
    body: oneshot::Receiver<B>,
    digest: fn(&[u8]) -> u64,
) -> Option<u64> {
    body.blocking_recv().ok().map(|body| digest(body.as_ref()))
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|id| async move {
        // The worker is ready before the request leaves: no waiting for a thread later.
        let (hand_over, handed) = oneshot::channel();
        let worker = tokio::task::spawn_blocking(move || digest_when_handed(handed, digest));

        let fetched = async {
            client
                .get(format!("{base_url}/posts/{id}"))
                .send()
                .await?
                .error_for_status()?
                .bytes()
                .await
        }
        .await;

        match fetched {
            Ok(body) => {
                let _ = hand_over.send(body);
                let digested = worker
                    .await
                    .unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic()));
                Ok(digested.unwrap_or_else(|| unreachable!("the worker was handed the body")))
            }
            Err(err) => {
                // The worker wakes up with nothing to digest and returns `None`.
                drop(hand_over);
                Err(err)
            }
        }
    });
    join_all(each).await
}
