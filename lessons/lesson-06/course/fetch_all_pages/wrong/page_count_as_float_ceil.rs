//! Wrong: breaks "a total that needs more than `crate::MAX_PAGES` (1,000) pages of `page_size` is `Err(PagingError::TooManyPages { url, total, pages })`"
//! The page count is the Python habit, `math.ceil(total / page_size)`, written
//! `(total as f64 / f64::from(size)).ceil() as u64`: no integer rounding to get wrong, and the
//! cast saturates, so nothing can panic. For every total up to 2^53 the float quotient is exact
//! enough that the count is the true one, and every walk that is allowed (at most 1,000 pages, so
//! at most 1,000 × `u32::MAX` items) sends exactly the right pages; even `u64::MAX` in pages of
//! one comes out as `u64::MAX` pages, because 2^64 saturates back to it. But a larger total in
//! larger pages is refused with the wrong `pages`: `18446744073709551615` in pages of 30 reports
//! 614891469123651712 pages, not the 614891469123651721 it needs, so the error states a count
//! the header does not give.

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
    let list = format!("{base_url}/{resource}");
    let size = page_size.get();

    let mut items = Vec::new();
    let mut page: u32 = 1;
    let mut pages: u64 = 1; // until page 1's answer says otherwise
    while u64::from(page) <= pages {
        let response = client
            .get(&list)
            .query(&[("_page", page), ("_limit", size)])
            .send()
            .await?
            .error_for_status()?;
        if page == 1 {
            let total = total_count(&response).ok_or_else(|| PagingError::NoTotalCount {
                url: response.url().to_string(),
            })?;
            // ceil(total / size), as in Python: a partial last page is still a page.
            pages = (total as f64 / f64::from(size)).ceil() as u64;
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

/// `X-Total-Count` as a whole number, if it is there and is one.
fn total_count(response: &Response) -> Option<u64> {
    let value = response.headers().get("x-total-count")?;
    value.to_str().ok()?.trim().parse::<u64>().ok()
}
