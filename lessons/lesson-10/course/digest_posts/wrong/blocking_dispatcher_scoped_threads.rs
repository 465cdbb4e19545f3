//! Wrong: breaks "the requests, their bodies included, are sent and read by async code on the runtime, not from inside `spawn_blocking` or a thread of your own (a blocking thread held for a request, or while a body arrives, is one fewer for blocking work)"
//! The learner wants one place that owns all the blocking work, so no thread is ever leaked: a
//! single `spawn_blocking` task runs a `std::thread::scope` for the whole call, takes the bodies
//! from a channel as the async pipelines read them, and digests each on a scoped thread of its own,
//! answering over a oneshot. Requests and bodies stay async, digests start at once and overlap; but
//! that one blocking thread is held from the first request to the last body.

use futures::future::join_all;
use reqwest::Client;
use tokio::sync::{mpsc, oneshot};

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let (sender, mut arriving) = mpsc::unbounded_channel();
    let bodies = &sender;
    let each = ids.iter().map(|id| async move {
        let body = client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        let (reply, digested) = oneshot::channel();
        // The dispatcher keeps its receiver until every sender is gone: a send cannot fail.
        let _ = bodies.send((body, reply));
        match digested.await {
            Ok(value) => Ok::<u64, reqwest::Error>(value),
            Err(_) => panic!("the digest dispatcher stopped before answering"),
        }
    });
    // One blocking task for the whole call: every digest gets a scoped thread of its own, and the
    // scope joins them all before the task ends.
    let dispatcher = tokio::task::spawn_blocking(move || {
        std::thread::scope(|scope| {
            while let Some((body, reply)) = arriving.blocking_recv() {
                scope.spawn(move || {
                    let _ = reply.send(digest(&body));
                });
            }
        });
    });
    let results = join_all(each).await;
    // The last sender goes: the dispatcher's loop ends.
    drop(sender);
    dispatcher
        .await
        .unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic()));
    results
}
