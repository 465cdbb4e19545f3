//! Correct: the process-wide digest dispatcher that `digest_actor_spawned_once` wanted, made of a
//! plain `std::thread`, which no runtime owns and which so outlives them all: started once, in a
//! `OnceLock`, it takes jobs from a `std::sync::mpsc` channel and starts each one at once on a
//! thread of its own. The pipelines (GET, status, raw bytes, all on the runtime and all at once)
//! hand their job over with an unbounded `send`, which never waits, and await the reply on a tokio
//! oneshot, never `.join()`: the state kept between calls is the same on every runtime.

use std::sync::OnceLock;
use std::sync::mpsc;

use futures::future::join_all;
use reqwest::Client;
use tokio::sync::oneshot;

/// A digest to run, its reply channel inside.
type Job = Box<dyn FnOnce() + Send + 'static>;

/// The dispatcher's mailbox, the dispatcher thread started on first use and kept for the
/// program's life.
fn dispatcher() -> &'static mpsc::Sender<Job> {
    static DISPATCHER: OnceLock<mpsc::Sender<Job>> = OnceLock::new();
    DISPATCHER.get_or_init(|| {
        let (mailbox, jobs) = mpsc::channel::<Job>();
        std::thread::Builder::new()
            .name("digest-dispatcher".to_owned())
            .spawn(move || {
                for (n, job) in jobs.into_iter().enumerate() {
                    // Each digest on a thread of its own, detached: the job replies by itself.
                    // Were the OS to refuse a thread, the job would be dropped with its reply
                    // channel, and its pipeline would learn of it.
                    let _ = std::thread::Builder::new()
                        .name(format!("digest-{n}"))
                        .spawn(job);
                }
            })
            .expect("the OS refused the digest dispatcher thread");
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
        dispatcher()
            .send(Box::new(move || {
                let _ = reply.send(digest(&body));
            }))
            .unwrap_or_else(|_| panic!("the digest dispatcher lives as long as the program"));
        Ok(digested
            .await
            .expect("the digest dispatcher starts every job it is given"))
    });
    join_all(each).await
}
