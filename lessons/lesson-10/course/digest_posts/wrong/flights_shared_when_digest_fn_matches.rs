//! Wrong: breaks "one GET `{base_url}/posts/{id}` per entry of `ids`" (for calls side by side: each call's entries are asked)
//! The learner knows Go's `singleflight` and that sharing a flight between *different* digest functions would hand a call another function's result, so it shares only what is truly the same work: a process-wide map keyed by the URL *and* the digest function's address. Within one call nothing is shared (an id listed twice is asked twice), and a flight is forgotten once it is digested, so a later call asks again. Two calls at once that each bring their own `digest` never meet; but two calls at once with the same `digest` (two requests for a page, one parser) about the same post send one GET between them, and the second call takes the first call's digest.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, OnceLock};

use futures::channel::oneshot;
use futures::future::{FutureExt, Shared, join_all};
use reqwest::Client;

type Key = (String, usize);
type Flight = Shared<oneshot::Receiver<u64>>;
type Flights = Mutex<HashMap<Key, (u64, u64, Flight)>>;

/// Flights in progress: (URL, digest fn) -> (call that owns it, flight number, its digest to come).
fn flights() -> &'static Flights {
    static FLIGHTS: OnceLock<Flights> = OnceLock::new();
    FLIGHTS.get_or_init(|| Mutex::new(HashMap::new()))
}

static NUMBERS: AtomicU64 = AtomicU64::new(1);

/// Forgets a flight when its leader is done with it, however it ends (error, drop included).
struct Landing {
    key: Key,
    number: u64,
}

impl Drop for Landing {
    fn drop(&mut self) {
        let mut map = flights()
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if map
            .get(&self.key)
            .is_some_and(|(_, number, _)| *number == self.number)
        {
            map.remove(&self.key);
        }
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

async fn one(
    client: &Client,
    url: String,
    digest: fn(&[u8]) -> u64,
    call: u64,
) -> Result<u64, reqwest::Error> {
    let key: Key = (url.clone(), digest as usize);
    let joined: Result<Flight, (oneshot::Sender<u64>, Landing)> = {
        let mut map = flights()
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let riding = map
            .get(&key)
            // Another call is already fetching this URL for the same function: ride along.
            .filter(|(owner, _, _)| *owner != call)
            .map(|(_, _, flight)| flight.clone());
        match riding {
            Some(flight) => Ok(flight),
            None => {
                let number = NUMBERS.fetch_add(1, Ordering::Relaxed);
                let (sender, receiver) = oneshot::channel();
                map.insert(key.clone(), (call, number, receiver.shared()));
                Err((sender, Landing { key, number }))
            }
        }
    };
    match joined {
        Ok(flight) => match flight.await {
            Ok(digested) => Ok(digested),
            // The leader failed (its error cannot be cloned) or went away: ask ourselves.
            Err(oneshot::Canceled) => fetch_and_digest(client, &url, digest).await,
        },
        Err((sender, landing)) => {
            let outcome = fetch_and_digest(client, &url, digest).await;
            drop(landing);
            if let Ok(digested) = &outcome {
                let _ = sender.send(*digested);
            }
            outcome
        }
    }
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    static CALLS: AtomicU64 = AtomicU64::new(1);
    let call = CALLS.fetch_add(1, Ordering::Relaxed);
    let each = ids
        .iter()
        .map(|id| one(client, format!("{base_url}/posts/{id}"), digest, call));
    join_all(each).await
}
