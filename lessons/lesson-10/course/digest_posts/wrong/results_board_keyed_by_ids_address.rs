//! Wrong: breaks "the result, in the order of `ids`: `Ok(digest(body))`, or `Err(err)` when the request failed" (and "no panic: `digest` itself never panics") for two calls at once given the very same `ids` slice (`let ids = [1, 2]; tokio::join!(digest_posts(&client, &base, &ids, d1), digest_posts(&client, &base, &ids, d2))`: the call polled second replaces the first one's entry in the registry, every result of both calls goes to it, and the first call finds none of its own and panics)
//!
//! Each running call registers its results channel in a process-wide registry of batches (so
//! that a progress display can find it), keyed by the address and length of its `ids` slice:
//! "two calls that are both running cannot have the same slice". Each pipeline looks its batch
//! up there when it has its result. Calls one after another, calls beside calls with their own
//! `ids`, and dropped calls all behave; only two live calls handed the same slice collide.
//!
//! Exercise 15: digest many posts, without blocking the runtime.
//!
//! `digest_posts(client, base_url, ids, digest)` fetches every post in `ids` at once and hands
//! each answer's body to `digest`. `digest` is a *blocking* function: it may take a long time and
//! waits without `.await` (think of a hash of a large body, a parser, a call into a synchronous
//! library). Contract:
//! - one GET `{base_url}/posts/{id}` per entry of `ids` (an id listed twice is asked twice), all in
//!   flight together, its URL made by appending to `base_url`, which may end in a path such as
//!   `/api` that must be kept, through `client`; the requests, their bodies included, are sent
//!   and read by async code on the runtime, not from inside `spawn_blocking` or a thread of your
//!   own (a blocking thread held for a request, or while a body arrives, is one fewer for
//!   blocking work);
//! - a successful answer's body, exactly as it arrived (its bytes, not decoded and encoded again),
//!   goes to `digest` once, as soon as that body is in: a digest never waits for other requests;
//! - `digest` never runs on a thread of the runtime: while digests run, the runtime's other tasks
//!   keep running, and the digests of different posts run at the same time (tokio's blocking
//!   pool, or threads of your own, awaited without blocking);
//! - the result, in the order of `ids`: `Ok(digest(body))`, or `Err(err)` when the request failed
//!   (an error status, any 4xx or 5xx: the error then carries it; a failed connection), and then
//!   `digest` is not called; any other status (a 3xx the client does not follow, say a 300) is an
//!   answer like a 200; a slow answer is waited for, with no time limit of your own (the
//!   client's timeouts, set by whoever built it, are the limit);
//! - no panic: `digest` itself never panics.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex, PoisonError};

use futures::future::join_all;
use reqwest::Client;
use tokio::sync::mpsc;

type Outcome = Result<u64, reqwest::Error>;
type Key = (usize, usize);

/// The batches under way, each found by its `ids` slice (address and length).
#[allow(clippy::type_complexity)]
static BATCHES: LazyLock<Mutex<HashMap<Key, mpsc::UnboundedSender<(usize, Outcome)>>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

fn report(key: Key, place: usize, outcome: Outcome) {
    let sender = BATCHES
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .get(&key)
        .cloned();
    if let Some(sender) = sender {
        let _ = sender.send((place, outcome));
    }
}

async fn fetch_and_digest(client: &Client, url: String, digest: fn(&[u8]) -> u64) -> Outcome {
    let body = client
        .get(url)
        .send()
        .await?
        .error_for_status()?
        .bytes()
        .await?;
    let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
    Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let key: Key = (ids.as_ptr() as usize, ids.len());
    let (sender, mut receiver) = mpsc::unbounded_channel();
    BATCHES
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .insert(key, sender);

    let pipelines = ids.iter().enumerate().map(|(place, id)| async move {
        let outcome = fetch_and_digest(client, format!("{base_url}/posts/{id}"), digest).await;
        report(key, place, outcome);
    });
    join_all(pipelines).await;

    // Every pipeline has reported: the batch leaves the registry, and its results are read.
    BATCHES
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .remove(&key);
    let mut slots: Vec<Option<Outcome>> = ids.iter().map(|_| None).collect();
    while let Ok((place, outcome)) = receiver.try_recv() {
        if let Some(slot) = slots.get_mut(place) {
            if slot.is_none() {
                *slot = Some(outcome);
            }
        }
    }
    slots
        .into_iter()
        .map(|slot| slot.expect("every pipeline reported its result"))
        .collect()
}
