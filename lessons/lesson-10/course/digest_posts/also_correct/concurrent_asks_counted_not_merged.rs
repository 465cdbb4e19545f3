//! Correct: state shared by calls side by side, kept where it is safe: a process-wide count of
//! the requests in flight per URL, the bookkeeping that request coalescing would start from, used
//! only to say on stderr (once per URL and burst) that several calls ask the same post at once;
//! every entry is still asked and digested. The count is kept by a guard that lives in the
//! pipeline, so a call dropped halfway cannot leave it wrong; the lock is never held across an
//! `.await`, and nothing in it belongs to a runtime. The pipelines are the hint's (request and raw
//! body on the runtime, digest awaited on `spawn_blocking`), run together with `join_all`.

use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};

use futures::future::join_all;
use reqwest::Client;

/// Requests in flight per URL, over every call of the program.
static IN_FLIGHT: Mutex<Option<HashMap<String, usize>>> = Mutex::new(None);

/// One request in flight for `url`, for as long as it lives.
struct Asking {
    url: String,
}

impl Asking {
    fn start(url: &str) -> Asking {
        let mut table = IN_FLIGHT.lock().unwrap_or_else(PoisonError::into_inner);
        let count = table
            .get_or_insert_with(HashMap::new)
            .entry(url.to_owned())
            .or_insert(0);
        *count += 1;
        if *count == 2 {
            eprintln!("note: {url} is being asked by more than one request at once");
        }
        Asking {
            url: url.to_owned(),
        }
    }
}

impl Drop for Asking {
    fn drop(&mut self) {
        let mut table = IN_FLIGHT.lock().unwrap_or_else(PoisonError::into_inner);
        let Some(table) = table.as_mut() else {
            return;
        };
        let done = match table.get_mut(&self.url) {
            Some(count) => {
                *count = count.saturating_sub(1);
                *count == 0
            }
            None => false,
        };
        if done {
            table.remove(&self.url);
        }
    }
}

async fn digest_one(
    client: &Client,
    url: String,
    digest: fn(&[u8]) -> u64,
) -> Result<u64, reqwest::Error> {
    let asking = Asking::start(&url);
    let body = client
        .get(&url)
        .send()
        .await?
        .error_for_status()?
        .bytes()
        .await?;
    // The request is over: the count says so before the digest starts.
    drop(asking);
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
    join_all(
        ids.iter()
            .map(|id| digest_one(client, format!("{base_url}/posts/{id}"), digest)),
    )
    .await
}
