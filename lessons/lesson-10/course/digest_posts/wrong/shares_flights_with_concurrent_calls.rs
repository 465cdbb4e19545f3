//! Wrong: breaks "one GET `{base_url}/posts/{id}` per entry of `ids` (an id listed twice is asked twice)" (and "a successful answer's body ... goes to `digest` once")
//! The learner knows Go's `singleflight`: when two callers want the same URL at the same moment,
//! one request serves both. Within one call the contract says every entry is asked, so the learner
//! keeps that rule; but two *calls* running at once (two tasks of a program both digesting post 7)
//! share: the later one waits for the earlier one's digest of the same URL with the same `digest`,
//! and asks the server itself only when that one failed. A second call made after the first is over
//! asks the server again, as the contract says.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard, OnceLock};

use futures::future::join_all;
use reqwest::Client;
use tokio::sync::watch;

/// A request in flight: the URL and the digest function's address.
type Key = (String, usize);

/// What the call that flies a request tells those waiting on it: `None` while it runs, then
/// `Some(Some(digest))`, or `Some(None)` when it failed (a `reqwest::Error` cannot be shared).
type Outcome = Option<Option<u64>>;

struct Flight {
    call: u64,
    flight: u64,
    outcome: watch::Receiver<Outcome>,
}

static FLIGHTS: OnceLock<Mutex<HashMap<Key, Flight>>> = OnceLock::new();
static NEXT_ID: AtomicU64 = AtomicU64::new(1);

fn flights() -> MutexGuard<'static, HashMap<Key, Flight>> {
    FLIGHTS
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Takes a finished (or abandoned) flight off the board, if it is still this one.
struct Landing {
    key: Key,
    flight: u64,
}

impl Drop for Landing {
    fn drop(&mut self) {
        let mut board = flights();
        if board
            .get(&self.key)
            .is_some_and(|f| f.flight == self.flight)
        {
            board.remove(&self.key);
        }
    }
}

enum Role {
    /// This call flies the request and tells the others.
    Lead(Landing, watch::Sender<Outcome>),
    /// Another call is already asking for this URL: wait for it.
    Follow(watch::Receiver<Outcome>),
    /// This call already flies it (an id listed twice): ask again, as the contract says.
    Alone,
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let call = NEXT_ID.fetch_add(1, Ordering::Relaxed);
    let each = ids.iter().map(|id| {
        let url = format!("{base_url}/posts/{id}");
        one_post(client, url, digest, call)
    });
    join_all(each).await
}

async fn one_post(
    client: &Client,
    url: String,
    digest: fn(&[u8]) -> u64,
    call: u64,
) -> Result<u64, reqwest::Error> {
    let key: Key = (url.clone(), digest as usize);
    let role = {
        let mut board = flights();
        match board.get(&key) {
            Some(flight) if flight.call != call => Role::Follow(flight.outcome.clone()),
            Some(_) => Role::Alone,
            None => {
                let flight = NEXT_ID.fetch_add(1, Ordering::Relaxed);
                let (tell, outcome) = watch::channel(None);
                board.insert(
                    key.clone(),
                    Flight {
                        call,
                        flight,
                        outcome,
                    },
                );
                Role::Lead(Landing { key, flight }, tell)
            }
        }
    };
    match role {
        Role::Lead(landing, tell) => {
            let result = fetch_and_digest(client, &url, digest).await;
            let _ = tell.send(Some(result.as_ref().ok().copied()));
            drop(landing);
            result
        }
        Role::Follow(mut outcome) => {
            let shared = outcome
                .wait_for(Option::is_some)
                .await
                .map(|seen| *seen)
                .ok()
                .flatten()
                .flatten();
            match shared {
                Some(digested) => Ok(digested),
                // The other call failed or gave up: an error is this call's own to get.
                None => fetch_and_digest(client, &url, digest).await,
            }
        }
        Role::Alone => fetch_and_digest(client, &url, digest).await,
    }
}

async fn fetch_and_digest(
    client: &Client,
    url: &str,
    digest: fn(&[u8]) -> u64,
) -> Result<u64, reqwest::Error> {
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
