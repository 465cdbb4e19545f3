//! Correct, written another way: the plan is an `Option<u64>` (the last page, unknown until
//! page 1 has answered) driving a plain `loop`; the bound is checked on the total itself,
//! `total > MAX_PAGES * page_size` (which cannot overflow: at most 1,000 × `u32::MAX`), before
//! the page count is worked out; each page's list is kept whole and the pages are flattened
//! into one list only at the end.

use std::num::NonZeroU32;

use reqwest::{Client, Response};
use serde_json::Value;

use crate::{MAX_PAGES, PagingError};

/// Every item of `resource`, fetched `page_size` at a time, in order.
pub async fn fetch_all_pages(
    client: &Client,
    base_url: &str,
    resource: &str,
    page_size: NonZeroU32,
) -> Result<Vec<Value>, PagingError> {
    let url = format!("{base_url}/{resource}");
    let size = page_size.get();
    let wide_size = u64::from(size);
    let mut pages: Vec<Vec<Value>> = Vec::new();
    // `None` until page 1's answer gives the total.
    let mut last_page: Option<u64> = None;
    let mut page: u32 = 1;
    loop {
        if last_page.is_some_and(|last| u64::from(page) > last) {
            break;
        }
        let response = client
            .get(&url)
            .query(&[("_page", page), ("_limit", size)])
            .send()
            .await?
            .error_for_status()?;
        if last_page.is_none() {
            let Some(total) = total_count(&response) else {
                return Err(PagingError::NoTotalCount {
                    url: response.url().to_string(),
                });
            };
            if total > MAX_PAGES * wide_size {
                return Err(PagingError::TooManyPages {
                    url: response.url().to_string(),
                    total,
                    pages: total.div_ceil(wide_size),
                });
            }
            last_page = Some(total.div_ceil(wide_size));
        }
        pages.push(response.json::<Vec<Value>>().await?);
        page += 1;
    }
    Ok(pages.into_iter().flatten().collect())
}

/// The `X-Total-Count` header as a whole number from 0 to `u64::MAX`, if it is one.
fn total_count(response: &Response) -> Option<u64> {
    let text = response.headers().get("x-total-count")?.to_str().ok()?;
    text.trim().parse::<u64>().ok()
}
