//! Wrong: breaks "one GET `{base_url}/posts/{id}` per entry of `ids`"
//! The learner knows 404 and 410 are cacheable by default (RFC 9111 section 4.2.2), so it remembers,
//! process-wide, the URLs that answered them, and on a later call checks a post known missing with
//! a cheap `HEAD` (same status, no error page to download): still 404 or 410, that `Err` is the
//! answer; anything else, it is back, and a GET follows. The first call is right; the second call
//! about a missing post sends the server a HEAD and no GET.

use std::collections::HashSet;
use std::sync::{Mutex, PoisonError};

use futures::future::join_all;
use reqwest::{Client, StatusCode};

/// URLs that answered 404 Not Found or 410 Gone, across calls.
static MISSING: Mutex<Option<HashSet<String>>> = Mutex::new(None);

fn is_known_missing(url: &str) -> bool {
    let missing = MISSING.lock().unwrap_or_else(PoisonError::into_inner);
    missing.as_ref().is_some_and(|set| set.contains(url))
}

fn set_missing(url: &str, gone: bool) {
    let mut missing = MISSING.lock().unwrap_or_else(PoisonError::into_inner);
    let set = missing.get_or_insert_with(HashSet::new);
    if gone {
        set.insert(url.to_string());
    } else {
        set.remove(url);
    }
}

fn says_missing(status: StatusCode) -> bool {
    status == StatusCode::NOT_FOUND || status == StatusCode::GONE
}

async fn one_post(
    client: &Client,
    url: String,
    digest: fn(&[u8]) -> u64,
) -> Result<u64, reqwest::Error> {
    if is_known_missing(&url) {
        let probe = client.head(&url).send().await?;
        if says_missing(probe.status()) {
            probe.error_for_status()?;
        }
    }
    let response = client.get(&url).send().await?;
    set_missing(&url, says_missing(response.status()));
    let body = response.error_for_status()?.bytes().await?;
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
