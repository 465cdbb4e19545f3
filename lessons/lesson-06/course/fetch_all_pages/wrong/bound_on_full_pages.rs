//! Wrong: breaks "a total that needs more than `crate::MAX_PAGES` (1,000) pages of `page_size` is `Err(PagingError::TooManyPages { url, total, pages })`"
//! The page count is written as full pages plus one for a remainder, and the bound is checked
//! on the full pages, before the `+ 1`, "so that the addition can never overflow". With pages
//! of one item there is never a remainder, so 1,000 items pass and 1,001 are refused, and
//! `u64::MAX` is refused too; every total that is a multiple of the page size is judged right.
//! But with pages of 2 or more, a total just past `MAX_PAGES * page_size` (30,001 to 30,029 in
//! pages of 30) has 1,000 full pages and a partial one: it passes the check and the walk sends
//! 1,001 requests.

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
    let mut items = Vec::new();
    let mut page: u32 = 1;
    let mut pages: u64 = 1; // until page 1's answer says otherwise
    while u64::from(page) <= pages {
        let response = client
            .get(&url)
            .query(&[("_page", page), ("_limit", size)])
            .send()
            .await?
            .error_for_status()?;
        if page == 1 {
            let total = total_count(&response).ok_or_else(|| PagingError::NoTotalCount {
                url: response.url().to_string(),
            })?;
            let full_pages = total / u64::from(size);
            // Refuse before adding the partial page, so the `+ 1` below cannot overflow.
            if full_pages > MAX_PAGES {
                return Err(PagingError::TooManyPages {
                    url: response.url().to_string(),
                    total,
                    pages: total.div_ceil(u64::from(size)),
                });
            }
            pages = full_pages + u64::from(total % u64::from(size) != 0);
        }
        items.extend(response.json::<Vec<Value>>().await?);
        page += 1;
    }
    Ok(items)
}

/// The `X-Total-Count` header as a number, if it is there and is one.
fn total_count(response: &Response) -> Option<u64> {
    let value = response.headers().get("x-total-count")?;
    value.to_str().ok()?.trim().parse().ok()
}
