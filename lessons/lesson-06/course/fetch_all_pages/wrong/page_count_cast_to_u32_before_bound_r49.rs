//! Wrong: breaks "a total that needs more than `crate::MAX_PAGES` (1,000) pages of `page_size` is `Err(PagingError::TooManyPages { url, total, pages })`, and no further request"
//! The page count is cast to `u32` (the type of the page counter and of `_page`) *before* it is
//! compared with `MAX_PAGES`, so a count of 2^32 + k pages wraps to k: a total of 4294967296 in
//! pages of 1 becomes 0 pages (page 1 only, `Ok`), 4294967300 becomes 4 pages, and
//! `X-Total-Count: 18446744073709551615` in pages of 4294967295 becomes 1 page. Every total a
//! casual test tries (u64::MAX in pages of 1 wraps to u32::MAX, a billion stays a billion) is
//! still refused. A learner writes the cast to keep `page <= last` in one type, thinking the
//! bound right after makes it safe, without seeing that the cast already threw the high bits away.

use std::num::NonZeroU32;

use reqwest::Client;
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
    let mut items = Vec::new();
    let mut page: u32 = 1;
    // Until page 1's answer says otherwise.
    let mut last: u32 = 1;
    while page <= last {
        let response = client
            .get(&url)
            .query(&[("_page", page), ("_limit", page_size.get())])
            .send()
            .await?
            .error_for_status()?;
        if page == 1 {
            let total = response
                .headers()
                .get("x-total-count")
                .and_then(|value| value.to_str().ok())
                .and_then(|text| text.trim().parse::<u64>().ok())
                .ok_or_else(|| PagingError::NoTotalCount {
                    url: response.url().to_string(),
                })?;
            let pages = crate::page_count(total, page_size);
            // Page numbers are u32, so the bound is too; MAX_PAGES is checked just below.
            last = pages as u32;
            if u64::from(last) > MAX_PAGES {
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
