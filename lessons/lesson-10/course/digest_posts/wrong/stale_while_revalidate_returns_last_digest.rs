//! Wrong: breaks "the result, in the order of `ids`: `Ok(digest(body))`" (the body of *this* call's answer)
//! The learner comes from the front end, where `Cache-Control: stale-while-revalidate` (RFC 5861, the `swr`
//! library, Next.js) means "hand back what you had at once, and refresh it behind the user's back". It keeps
//! the contract's "a second call asks the server again and digests again": every entry is asked and its body
//! digested, each call. But when the last answer for that URL granted a `stale-while-revalidate` window that
//! is still open, the refresh runs in a detached task and the call returns the digest it remembered.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock, PoisonError};
use std::time::{Duration, Instant};

use futures::future::join_all;
use reqwest::Client;
use reqwest::header::{CACHE_CONTROL, HeaderMap};

/// A digest an answer allowed us to serve stale, and until when.
struct Remembered {
    digest: u64,
    usable_until: Instant,
}

/// Keyed by the post's URL and the digest function (two functions give two digests).
type Key = (String, usize);

fn remembered() -> &'static Mutex<HashMap<Key, Remembered>> {
    static MEMORY: OnceLock<Mutex<HashMap<Key, Remembered>>> = OnceLock::new();
    MEMORY.get_or_init(|| Mutex::new(HashMap::new()))
}

/// How long an answer lets a cache serve it while it revalidates: its `max-age` (fresh) plus its
/// `stale-while-revalidate` (stale but usable). `None` when it grants no such window.
fn revalidate_window(headers: &HeaderMap) -> Option<Duration> {
    let mut max_age = 0_u64;
    let mut while_revalidate = None;
    for value in headers.get_all(CACHE_CONTROL) {
        let Ok(text) = value.to_str() else {
            continue;
        };
        for directive in text.split(',') {
            let directive = directive.trim();
            let (name, argument) = match directive.split_once('=') {
                Some((name, argument)) => (name.trim(), Some(argument.trim().trim_matches('"'))),
                None => (directive, None),
            };
            let seconds = argument.and_then(|argument| argument.parse::<u64>().ok());
            if name.eq_ignore_ascii_case("no-store") || name.eq_ignore_ascii_case("no-cache") {
                return None;
            } else if name.eq_ignore_ascii_case("max-age") {
                max_age = seconds.unwrap_or(0);
            } else if name.eq_ignore_ascii_case("stale-while-revalidate") {
                while_revalidate = seconds;
            }
        }
    }
    while_revalidate.map(|extra| Duration::from_secs(max_age.saturating_add(extra)))
}

fn stale_digest(key: &Key) -> Option<u64> {
    let memory = remembered().lock().unwrap_or_else(PoisonError::into_inner);
    memory
        .get(key)
        .filter(|entry| entry.usable_until > Instant::now())
        .map(|entry| entry.digest)
}

/// Asks the server, digests the body on the blocking pool, and remembers the digest when the
/// answer allows serving it stale.
async fn refresh(
    client: Client,
    url: String,
    digest: fn(&[u8]) -> u64,
) -> Result<u64, reqwest::Error> {
    let key: Key = (url.clone(), digest as usize);
    let outcome = async {
        let response = client.get(&url).send().await?.error_for_status()?;
        let window = revalidate_window(response.headers());
        let body = response.bytes().await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body))
            .await
            .unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic()));
        Ok::<_, reqwest::Error>((digested, window))
    }
    .await;
    let mut memory = remembered().lock().unwrap_or_else(PoisonError::into_inner);
    match outcome {
        Ok((digested, Some(window))) => {
            memory.insert(
                key,
                Remembered {
                    digest: digested,
                    usable_until: Instant::now() + window,
                },
            );
            Ok(digested)
        }
        Ok((digested, None)) => {
            memory.remove(&key);
            Ok(digested)
        }
        Err(err) => {
            memory.remove(&key);
            Err(err)
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
    let each = ids.iter().map(|id| {
        let url = format!("{base_url}/posts/{id}");
        let stale = stale_digest(&(url.clone(), digest as usize));
        let client = client.clone();
        async move {
            match stale {
                Some(previous) => {
                    // Revalidate in the background: the server is still asked and the new body
                    // still digested, but the caller gets its answer without waiting for them.
                    drop(tokio::spawn(refresh(client, url, digest)));
                    Ok(previous)
                }
                None => refresh(client, url, digest).await,
            }
        }
    });
    join_all(each).await
}
