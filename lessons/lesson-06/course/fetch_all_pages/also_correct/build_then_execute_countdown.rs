//! Correct, written another way: each request is made with `RequestBuilder::build` and sent with
//! `Client::execute`; the plan is a `u32` count of pages still to ask for, which page 1's
//! answer sets (through `u32::try_from` behind the `MAX_PAGES` bound, so nothing is cast down)
//! and every page's request counts down, the loop running while it is above zero.

use std::num::NonZeroU32;

use reqwest::{Client, Response};
use serde_json::Value;

use crate::{MAX_PAGES, PagingError, page_count};

/// Every item of `resource`, fetched `page_size` at a time, in order.
pub async fn fetch_all_pages(
    client: &Client,
    base_url: &str,
    resource: &str,
    page_size: NonZeroU32,
) -> Result<Vec<Value>, PagingError> {
    let list_url = format!("{base_url}/{resource}");
    let mut items = Vec::new();
    let mut page: u32 = 0;
    // Pages still to ask for: page 1 until its answer tells the rest.
    let mut left: u32 = 1;
    while left > 0 {
        page += 1;
        left -= 1;
        let request = client
            .get(&list_url)
            .query(&[("_page", page), ("_limit", page_size.get())])
            .build()?;
        let response = client.execute(request).await?.error_for_status()?;
        if page == 1 {
            left = pages_after_first(&response, page_size)?;
        }
        let body: Vec<Value> = response.json().await?;
        items.extend(body);
    }
    Ok(items)
}

/// How many pages follow page 1, from its answer's head; the answer's body is left unread.
fn pages_after_first(response: &Response, page_size: NonZeroU32) -> Result<u32, PagingError> {
    let url = || response.url().to_string();
    let total: u64 = match response.headers().get("x-total-count").map(|v| v.to_str()) {
        Some(Ok(text)) => text
            .trim()
            .parse::<u64>()
            .map_err(|_| PagingError::NoTotalCount { url: url() })?,
        _ => return Err(PagingError::NoTotalCount { url: url() }),
    };
    let pages = page_count(total, page_size);
    let too_many = || PagingError::TooManyPages {
        url: url(),
        total,
        pages,
    };
    if pages > MAX_PAGES {
        return Err(too_many());
    }
    // At most MAX_PAGES here, so the conversion holds; page 1 is already asked for (a total of
    // 0 is 0 pages, and 0 pages after it).
    let pages = u32::try_from(pages).map_err(|_| too_many())?;
    Ok(pages.saturating_sub(1))
}
