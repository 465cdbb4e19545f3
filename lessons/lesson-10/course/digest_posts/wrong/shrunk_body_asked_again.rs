//! Wrong: breaks "one GET `{base_url}/posts/{id}` per entry of `ids`" (and "a successful answer's body, exactly as it arrived, goes to `digest`")
//! The learner was bitten by a proxy that cut bodies short without an error (a close-delimited or
//! chunked body that just stops looks like a clean end), so it remembers, process-wide, how long
//! each URL's body was, and a 2xx body under half of last time's is "cut short": asked once more,
//! and the longer of the two kept. A post that really got shorter is asked twice on the next call.

use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};

use futures::future::join_all;
use reqwest::Client;

/// The length of the last body each URL gave, across calls.
static LAST_LENGTH: Mutex<Option<HashMap<String, usize>>> = Mutex::new(None);

fn last_length(url: &str) -> Option<usize> {
    let lengths = LAST_LENGTH.lock().unwrap_or_else(PoisonError::into_inner);
    lengths.as_ref().and_then(|map| map.get(url).copied())
}

fn remember_length(url: String, length: usize) {
    let mut lengths = LAST_LENGTH.lock().unwrap_or_else(PoisonError::into_inner);
    lengths.get_or_insert_with(HashMap::new).insert(url, length);
}

async fn one_post(
    client: &Client,
    url: String,
    digest: fn(&[u8]) -> u64,
) -> Result<u64, reqwest::Error> {
    let response = client.get(&url).send().await?.error_for_status()?;
    let success = response.status().is_success();
    let mut body = response.bytes().await?;
    if success {
        if let Some(before) = last_length(&url) {
            if before >= 64 && body.len() < before / 2 {
                // Most likely cut short on the way: one more try, and keep the longer body.
                let again = async {
                    let response = client.get(&url).send().await?.error_for_status()?;
                    response.bytes().await
                }
                .await;
                if let Ok(again) = again {
                    if again.len() > body.len() {
                        body = again;
                    }
                }
            }
        }
        remember_length(url, body.len());
    }
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
    let each = ids
        .iter()
        .map(|id| one_post(client, format!("{base_url}/posts/{id}"), digest));
    join_all(each).await
}
