//! Wrong: breaks "one GET `{base_url}/posts/{id}` per entry of `ids` (an id listed twice is asked twice)"
//! Within a call it does everything right, a 3xx the client hands back included: its body is
//! digested like a 200's. But the learner reuses lesson 06's `Location` reading
//! (`response.url().join(..)`) to do what browsers do with a *permanent* redirect: a 301 or 308 is
//! remembered, process-wide, and every later call asks the new URL directly, "the server said the
//! post has moved for good; asking the old address again is a wasted round trip".

use std::collections::BTreeMap;
use std::sync::{Mutex, PoisonError};

use futures::future::join_all;
use reqwest::header::LOCATION;
use reqwest::{Client, StatusCode};

/// Where a URL that answered 301 or 308 has moved to, for every later call.
static MOVED: Mutex<BTreeMap<String, String>> = Mutex::new(BTreeMap::new());

/// The URL to ask for `url`: where it moved to, if a server said so before.
fn current_address(url: &str) -> String {
    MOVED
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .get(url)
        .cloned()
        .unwrap_or_else(|| url.to_owned())
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|&id| async move {
        let url = format!("{base_url}/posts/{id}");
        let address = current_address(&url);
        let response = client.get(&address).send().await?.error_for_status()?;
        if matches!(
            response.status(),
            StatusCode::MOVED_PERMANENTLY | StatusCode::PERMANENT_REDIRECT
        ) {
            // Lesson 06: the header may be relative, so resolve it against the request's URL.
            let moved_to = response
                .headers()
                .get(LOCATION)
                .and_then(|value| value.to_str().ok())
                .and_then(|text| response.url().join(text).ok());
            if let Some(moved_to) = moved_to {
                MOVED
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .insert(url, moved_to.to_string());
            }
        }
        // A 3xx the client did not follow is an answer like a 200: its body is digested.
        let body = response.bytes().await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok::<u64, reqwest::Error>(
            digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())),
        )
    });
    join_all(each).await
}
