//! Correct: the fix for `monotonic_reads_by_last_modified`: state kept across calls where it is safe. The newest
//! `Last-Modified` seen for each URL is still remembered process-wide (read from the header's bytes, so a value past ASCII is
//! no date rather than a panic), and an answer older than it is reported once on stderr ("went back in time"), but every body
//! is digested as it arrived and its own digest is the result; the memo never stands in for an answer and is touched only
//! between awaits.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use futures::future::join_all;
use reqwest::Client;
use reqwest::header::LAST_MODIFIED;

/// An IMF-fixdate as a tuple that sorts like the date: (year, month, day, hour, minute, second).
type Stamp = (u32, u32, u32, u32, u32, u32);

/// For each URL: the newest `Last-Modified` seen.
static NEWEST: OnceLock<Mutex<HashMap<String, Stamp>>> = OnceLock::new();

/// Reads `Sun, 06 Nov 1994 08:49:37 GMT`; anything else is no date.
fn parse_http_date(value: &[u8]) -> Option<Stamp> {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let text = std::str::from_utf8(value).ok()?;
    let mut parts = text.split_ascii_whitespace();
    let _weekday = parts.next()?;
    let day: u32 = parts.next()?.parse().ok()?;
    let month = parts.next()?;
    let month = u32::try_from(MONTHS.iter().position(|name| *name == month)?).ok()? + 1;
    let year: u32 = parts.next()?.parse().ok()?;
    let mut clock = parts.next()?.split(':');
    let hour: u32 = clock.next()?.parse().ok()?;
    let minute: u32 = clock.next()?.parse().ok()?;
    let second: u32 = clock.next()?.parse().ok()?;
    (parts.next()? == "GMT").then_some((year, month, day, hour, minute, second))
}

/// Remembers `stamp` for `url` if it is the newest yet; says whether it went back in time.
fn note(url: &str, stamp: Stamp) -> bool {
    let mut newest = NEWEST
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    match newest.get_mut(url) {
        Some(seen) if *seen > stamp => true,
        Some(seen) => {
            *seen = stamp;
            false
        }
        None => {
            newest.insert(url.to_owned(), stamp);
            false
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
    let each = ids.iter().map(|id| async move {
        let url = format!("{base_url}/posts/{id}");
        let response = client.get(&url).send().await?.error_for_status()?;
        let stamp = response
            .headers()
            .get(LAST_MODIFIED)
            .and_then(|value| parse_http_date(value.as_bytes()));
        if let Some(stamp) = stamp {
            if note(&url, stamp) {
                eprintln!("digest_posts: {url} went back in time (an older Last-Modified)");
            }
        }
        let body = response.bytes().await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok::<u64, reqwest::Error>(
            digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())),
        )
    });
    join_all(each).await
}
