//! Wrong: breaks "each request is `GET {base_url}/{resource}?_page=P&_limit={page_size}`": it never asks for more than 100 items a page (`_limit` is `page_size` capped at 100, and the number of pages is worked out with that size), the habit of APIs that cap their page size (GitHub's `per_page` stops at 100, so do many REST frameworks' `max_page_size`), applied to an API that has no such cap.
//!
//! For every `page_size` up to 100 the requests and the result are the reference's. Above it
//! the walk sends `_limit=100` instead of the size asked for, and more requests than the total
//! needs at that size: 1,000 items in pages of 250 is 10 requests instead of 4, and a total
//! that fits in `MAX_PAGES` pages of 500 is refused as `TooManyPages` (with a `pages` count
//! for pages of 100) although the caller's page size would have fetched it. Checks that only
//! use pages of 100 items or fewer see nothing.

use std::num::NonZeroU32;

use reqwest::Client;
use serde_json::Value;

use crate::PagingError;

/// The most items a page is asked for: larger pages are refused or silently cut by many APIs.
const LARGEST_PAGE: u32 = 100;

/// Every item of `resource`, fetched `page_size` at a time, in order.
pub async fn fetch_all_pages(
    client: &Client,
    base_url: &str,
    resource: &str,
    page_size: NonZeroU32,
) -> Result<Vec<Value>, PagingError> {
    // Never 0 (page_size is not), never more than the usual server maximum.
    let size = page_size.get().min(LARGEST_PAGE);

    let mut items = Vec::new();
    let mut page: u32 = 1;
    let mut pages: u64 = 1; // until page 1's answer says otherwise
    while u64::from(page) <= pages {
        let response = client
            .get(format!("{base_url}/{resource}"))
            .query(&[("_page", page), ("_limit", size)])
            .send()
            .await?
            .error_for_status()?;
        if page == 1 {
            let total = total_count(&response).ok_or_else(|| PagingError::NoTotalCount {
                url: response.url().to_string(),
            })?;
            pages = total.div_ceil(u64::from(size));
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
