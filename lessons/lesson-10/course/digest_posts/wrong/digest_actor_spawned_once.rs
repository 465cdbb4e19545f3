//! Wrong: breaks "no panic: `digest` itself never panics" (and, for a call made while the first call's runtime is alive but not being driven, the call never ends)
//! The learner follows the "actors with tokio" pattern: one task owns the hand-off of digests to
//! the blocking pool (and keeps count of them), and every pipeline sends it a job over a channel
//! and awaits the reply. The actor is started once, on first use, with its sender kept in a
//! `OnceLock` "like a module-level worker". But a task belongs to the runtime that spawned it:
//! once that runtime is dropped the actor is gone with it, the next call's `send` fails, and the
//! `expect` the learner wrote ("the actor runs for the whole program") panics.

use std::sync::OnceLock;

use futures::future::join_all;
use reqwest::Client;
use tokio::sync::{mpsc, oneshot};

/// Work for the blocking pool: a digest, with its reply channel inside.
type Job = Box<dyn FnOnce() + Send + 'static>;

/// The actor: takes jobs in the order they come and hands each to the blocking pool at once,
/// without waiting for it (the job replies by itself), so the digests run side by side.
async fn digest_actor(mut jobs: mpsc::UnboundedReceiver<Job>) {
    let mut handed_off: u64 = 0;
    while let Some(job) = jobs.recv().await {
        handed_off += 1;
        drop(tokio::task::spawn_blocking(job));
    }
    let _ = handed_off;
}

/// The actor's mailbox, the actor started on first use.
fn actor() -> &'static mpsc::UnboundedSender<Job> {
    static ACTOR: OnceLock<mpsc::UnboundedSender<Job>> = OnceLock::new();
    ACTOR.get_or_init(|| {
        let (mailbox, jobs) = mpsc::unbounded_channel();
        tokio::spawn(digest_actor(jobs));
        mailbox
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
        let (reply, digested) = oneshot::channel();
        actor()
            .send(Box::new(move || {
                let _ = reply.send(digest(&body));
            }))
            .unwrap_or_else(|_| panic!("the digest actor runs for the whole program"));
        Ok(digested
            .await
            .expect("the digest actor hands every job to the blocking pool"))
    });
    join_all(each).await
}
