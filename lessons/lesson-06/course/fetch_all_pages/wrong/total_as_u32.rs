//! Wrong: breaks "a whole number from 0 to `u64::MAX`" and "a total that needs more than `MAX_PAGES` pages is `TooManyPages`": the total is parsed as a `u64` but cast `as u32` to divide by `page_size.get()` (pages are `u32` like `_page`), so a total above `u32::MAX` silently wraps: `X-Total-Count: 4294967296` gives 0 pages and `Ok` with page 1 alone, `4294967496` walks 7 pages of 30; `u64::MAX` still wraps to `u32::MAX` and is refused (with a wrong `pages`).

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
    let size = page_size.get();

    let first = client
        .get(&url)
        .query(&[("_page", 1), ("_limit", size)])
        .send()
        .await?
        .error_for_status()?;
    let total: u64 = first
        .headers()
        .get("x-total-count")
        .and_then(|value| value.to_str().ok())
        .and_then(|text| text.parse().ok())
        .ok_or_else(|| PagingError::NoTotalCount {
            url: first.url().to_string(),
        })?;

    // Pages are u32, like `_page` and the page size: do the arithmetic in u32.
    let pages: u32 = (total as u32).div_ceil(size);
    if u64::from(pages) > MAX_PAGES {
        return Err(PagingError::TooManyPages {
            url: first.url().to_string(),
            total,
            pages: u64::from(pages),
        });
    }

    let mut items = first.json::<Vec<Value>>().await?;
    for page in 2..=pages {
        let more = client
            .get(&url)
            .query(&[("_page", page), ("_limit", size)])
            .send()
            .await?
            .error_for_status()?
            .json::<Vec<Value>>()
            .await?;
        items.extend(more);
    }
    Ok(items)
}
