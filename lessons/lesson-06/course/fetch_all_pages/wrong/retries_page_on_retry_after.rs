//! Wrong: breaks "an error status on any page (4xx or 5xx, checked before anything else is read, the header included), a request that fails, or a body that is not a JSON list is `Err(PagingError::Http(..))` (the lesson's error type, in `src/lib.rs`): the walk stops there"
//! Lesson 04 called a 503 "worth a retry later" and lesson 05 spoke of backing off "after a
//! 429 or a 503, the server says slow down"; so when a page is answered 429 or 503 *with* a
//! `Retry-After` in seconds, the learner waits that long (with `tokio::time::sleep`, capped at
//! 5 s, so nothing blocks and nothing hangs) and asks for that page once more, "because the
//! server said exactly when to come back". Every other error status, a 429 or 503 without
//! `Retry-After`, a failed request and a body that is not a list end the walk at once, as the
//! contract says, and so does a second error answer. But a page answered 503 with
//! `Retry-After: 1` is asked for twice, and when the second answer is good the walk goes on and
//! returns the whole list, where the contract wants `Err(Http)` from the first error status.

use std::num::NonZeroU32;
use std::time::Duration;

use reqwest::header::RETRY_AFTER;
use reqwest::{Client, Response, StatusCode};
use serde_json::Value;

use crate::{MAX_PAGES, PagingError};

/// The longest a walk waits on a server's `Retry-After`, whatever it asks.
const MAX_WAIT: Duration = Duration::from_secs(5);

/// Every item of `resource`, fetched `page_size` at a time, in order.
pub async fn fetch_all_pages(
    client: &Client,
    base_url: &str,
    resource: &str,
    page_size: NonZeroU32,
) -> Result<Vec<Value>, PagingError> {
    let list = format!("{base_url}/{resource}");
    let limit = page_size.get();

    let mut items = Vec::new();
    let mut page: u32 = 1;
    let mut pages: u64 = 1; // until page 1's answer says otherwise
    while u64::from(page) <= pages {
        let response = get_page(client, &list, page, limit).await?;
        if page == 1 {
            let total = total_count(&response).ok_or_else(|| PagingError::NoTotalCount {
                url: response.url().to_string(),
            })?;
            pages = crate::page_count(total, page_size);
            if pages > MAX_PAGES {
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

/// `GET {list}?_page={page}&_limit={limit}`, its status checked. A 429 or 503 that says when to
/// come back (`Retry-After`, in seconds) gets one more try after that wait.
async fn get_page(
    client: &Client,
    list: &str,
    page: u32,
    limit: u32,
) -> Result<Response, reqwest::Error> {
    let request = || {
        client
            .get(list)
            .query(&[("_page", page), ("_limit", limit)])
            .send()
    };
    let response = request().await?;
    let status = response.status();
    if status == StatusCode::TOO_MANY_REQUESTS || status == StatusCode::SERVICE_UNAVAILABLE {
        if let Some(wait) = retry_after(&response) {
            drop(response);
            tokio::time::sleep(wait).await;
            return request().await?.error_for_status();
        }
    }
    response.error_for_status()
}

/// The answer's `Retry-After` as a wait, when it is a number of seconds; capped at `MAX_WAIT`.
fn retry_after(response: &Response) -> Option<Duration> {
    let seconds: u64 = response
        .headers()
        .get(RETRY_AFTER)?
        .to_str()
        .ok()?
        .trim()
        .parse()
        .ok()?;
    Some(Duration::from_secs(seconds).min(MAX_WAIT))
}

/// `X-Total-Count` as a whole number, if it is there and is one.
fn total_count(response: &Response) -> Option<u64> {
    let value = response.headers().get("x-total-count")?;
    value.to_str().ok()?.trim().parse().ok()
}
