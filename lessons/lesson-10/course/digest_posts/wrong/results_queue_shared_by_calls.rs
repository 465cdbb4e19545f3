//! Wrong: breaks "the result, in the order of `ids`: `Ok(digest(body))`" (for two calls at once)
//! The learner ports the Python docs' `multiprocessing` example, with its module-level
//! `done_queue`: each digest runs on a thread of its own and puts `(position, digest)` on one
//! results queue, made once for the program in a `OnceLock` so that the helper that starts a
//! digest needs no channel passed to it; once its requests are done, the call takes as many
//! results off the queue as it started digests, each into its slot. Alone, a call gets exactly
//! its own results. Beside another call it takes the other's too: a slot filled twice and one
//! left empty (a panic), or another call's digest in its own slot.

use std::sync::OnceLock;

use futures::future::join_all;
use reqwest::Client;
use tokio::sync::{Mutex, mpsc};

/// `(position in ids, digest)`, as the digest threads report them.
type Done = (usize, u64);

/// The results queue: anyone may put on it; the caller that collects holds the receiver.
struct DoneQueue {
    sender: mpsc::UnboundedSender<Done>,
    receiver: Mutex<mpsc::UnboundedReceiver<Done>>,
}

fn done_queue() -> &'static DoneQueue {
    static DONE: OnceLock<DoneQueue> = OnceLock::new();
    DONE.get_or_init(|| {
        let (sender, receiver) = mpsc::unbounded_channel();
        DoneQueue {
            sender,
            receiver: Mutex::new(receiver),
        }
    })
}

/// Starts the digest of the post at `position` on a thread of its own; its result goes on the
/// results queue. Nothing here waits.
fn start_digest<B>(position: usize, body: B, digest: fn(&[u8]) -> u64)
where
    B: AsRef<[u8]> + Send + 'static,
{
    let sender = done_queue().sender.clone();
    std::thread::Builder::new()
        .name(format!("digest-{position}"))
        .spawn(move || {
            let _ = sender.send((position, digest(body.as_ref())));
        })
        .expect("the OS refused a digest thread");
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    // Each pipeline starts its digest the moment its body is in; what it returns says whether
    // a digest was started (`Ok`) or the request failed (`Err`).
    let each = ids.iter().enumerate().map(|(position, id)| async move {
        let body = client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        start_digest(position, body, digest);
        Ok::<(), reqwest::Error>(())
    });
    let started = join_all(each).await;

    // Take as many results off the queue as digests were started, each into its slot.
    let expected = started.iter().filter(|outcome| outcome.is_ok()).count();
    let mut slots: Vec<Option<u64>> = vec![None; ids.len()];
    {
        let mut receiver = done_queue().receiver.lock().await;
        for _ in 0..expected {
            let (position, digested) = receiver
                .recv()
                .await
                .expect("the results queue lives as long as the program");
            if let Some(slot) = slots.get_mut(position) {
                *slot = Some(digested);
            }
        }
    }
    started
        .into_iter()
        .zip(slots)
        .map(|(outcome, slot)| outcome.map(|()| slot.expect("every digest started was collected")))
        .collect()
}
