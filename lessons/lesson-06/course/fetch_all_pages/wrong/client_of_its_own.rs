//! Wrong: breaks "sent with `client`": the walk builds a client of its own with the course's `lesson_support::client::client(base_url)` (same user agent, same timeouts) and sends every page through it, the aiohttp habit of opening an `async with ClientSession() as session:` around a job so that its connections are closed when the job is done.
//!
//! Every request is otherwise the reference's, in the same order, with the same query, and the
//! results and errors are the same. But the caller's client is ignored: whatever the caller set
//! on it (a proxy, a root certificate, default headers such as an API key, its own timeouts, a
//! cookie store) is missing from every page, each walk pays for a new connection pool and new
//! TCP (and TLS) handshakes, and a server that tells clients apart (or a test that counts the
//! requests of the client it handed over) sees a stranger.

use std::num::NonZeroU32;

use reqwest::Client;
use serde_json::Value;

use crate::PagingError;

/// Every item of `resource`, fetched `page_size` at a time, in order.
pub async fn fetch_all_pages(
    client: &Client,
    base_url: &str,
    resource: &str,
    page_size: NonZeroU32,
) -> Result<Vec<Value>, PagingError> {
    // One session per walk, closed (dropped) when the walk ends; the course's builder keeps the
    // user agent and the timeouts, so nothing is lost. (The caller's client is not needed.)
    let _ = client;
    let session = lesson_support::client::client(base_url)?;

    let mut items = Vec::new();
    let mut page: u32 = 1;
    let mut pages: u64 = 1; // until page 1's answer says otherwise
    while u64::from(page) <= pages {
        let response = session
            .get(format!("{base_url}/{resource}"))
            .query(&[("_page", page), ("_limit", page_size.get())])
            .send()
            .await?
            .error_for_status()?;
        if page == 1 {
            let total = total_count(&response).ok_or_else(|| PagingError::NoTotalCount {
                url: response.url().to_string(),
            })?;
            pages = crate::page_count(total, page_size);
            if pages > crate::MAX_PAGES {
                return Err(PagingError::TooManyPages {
                    url: response.url().to_string(),
                    total,
                    pages,
                });
            }
        }
        items.extend(response.json::<Vec<Value>>().await?);
        page += 1;
    }
    Ok(items)
}

/// The `X-Total-Count` header as a number, if it is there and is one.
fn total_count(response: &reqwest::Response) -> Option<u64> {
    response
        .headers()
        .get("x-total-count")?
        .to_str()
        .ok()?
        .trim()
        .parse()
        .ok()
}
