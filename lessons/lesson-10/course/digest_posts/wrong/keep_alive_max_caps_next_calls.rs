//! Wrong: breaks "one GET `{base_url}/posts/{id}` per entry of `ids` (an id listed twice is asked twice), all in flight together" for a call made after the same `base_url` answered with a `Keep-Alive` header that has a `max` (Apache's `Keep-Alive: timeout=5, max=100`; with `max=3`, a call about 6 posts whose answers the server holds has only 3 of them in flight)
//!
//! A header misread: `Keep-Alive: timeout=5, max=100` says how many more requests the server
//! will take on *that connection* before closing it, but it reads like "at most 100 requests
//! at once", so the answer remembers the smallest `max` each base has announced and, in later
//! calls to that base, keeps no more requests than that in flight, to stay "within what the
//! server allows". Servers that send no `Keep-Alive` (the checks' own, hyper and axum, never
//! do) are never limited; and with Apache's default of 100, only calls about more than 100
//! posts are. A server that says `max=3` gets its posts three at a time from then on.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};

use futures::StreamExt;
use futures::stream;
use reqwest::Client;
use reqwest::header::HeaderValue;

/// The smallest `Keep-Alive: max=N` each base has announced.
static ANNOUNCED_MAX: LazyLock<Mutex<HashMap<String, usize>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

/// The `max=N` of a `Keep-Alive` header, if it has one.
fn keep_alive_max(value: &HeaderValue) -> Option<usize> {
    let text = value.to_str().ok()?;
    text.split(',').find_map(|param| {
        let (name, number) = param.split_once('=')?;
        if name.trim().eq_ignore_ascii_case("max") {
            number.trim().parse().ok()
        } else {
            None
        }
    })
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let allowed = ANNOUNCED_MAX.lock().unwrap().get(base_url).copied();
    let window = match allowed {
        Some(max) => ids.len().min(max),
        None => ids.len(),
    }
    .max(1);

    let each = ids.iter().map(|id| async move {
        let response = client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?;
        if let Some(max) = response
            .headers()
            .get("keep-alive")
            .and_then(keep_alive_max)
        {
            let mut announced = ANNOUNCED_MAX.lock().unwrap();
            let entry = announced.entry(base_url.to_owned()).or_insert(max);
            *entry = (*entry).min(max);
        }
        let body = response.bytes().await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    stream::iter(each).buffered(window).collect().await
}
