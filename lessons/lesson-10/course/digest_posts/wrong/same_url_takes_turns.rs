//! Wrong: breaks "one GET `{base_url}/posts/{id}` per entry of `ids` (an id listed twice is asked twice), all in flight together"
//! The learner guards each resource against a thundering herd with a keyed lock (a `KeyedMutex`,
//! an `asyncio.Lock` per key), kept process-wide so that two calls share it: a URL is asked by one
//! request at a time, and the next request for it waits its turn. Nothing is shared, so every entry
//! is still asked and digested; but an id listed twice, or asked by two calls at once, is asked
//! once after the other.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use futures::future::join_all;
use reqwest::Client;

/// One lock per URL, for the whole process.
static TURNS: OnceLock<Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>> = OnceLock::new();

fn turn_for(url: &str) -> Arc<tokio::sync::Mutex<()>> {
    let mut turns = TURNS
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(PoisonError::into_inner);
    Arc::clone(turns.entry(url.to_owned()).or_default())
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|id| async move {
        let url = format!("{base_url}/posts/{id}");
        let turn = turn_for(&url);
        let body = {
            // The turn covers the server's part (the request and its body), not the digest.
            let _turn = turn.lock().await;
            client
                .get(&url)
                .send()
                .await?
                .error_for_status()?
                .bytes()
                .await?
        };
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
