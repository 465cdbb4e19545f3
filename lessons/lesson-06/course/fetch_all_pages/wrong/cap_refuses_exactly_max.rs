//! Wrong: breaks "Exactly `MAX_PAGES` pages is allowed": the guard is `pages >= MAX_PAGES` ("at the limit is too many"), so a total that needs exactly 1,000 pages (30,000 items in pages of 30, or 1,000 in pages of 1) is refused with `TooManyPages` instead of walked; 1,001 pages and more are refused correctly, 999 and fewer are walked, and the count itself is `div_ceil`.

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
    let url = format!("{base_url}/{resource}");
    let first = client
        .get(&url)
        .query(&[("_page", 1), ("_limit", page_size.get())])
        .send()
        .await?
        .error_for_status()?;
    let total = first
        .headers()
        .get("x-total-count")
        .and_then(|value| value.to_str().ok())
        .and_then(|text| text.parse::<u64>().ok())
        .ok_or_else(|| PagingError::NoTotalCount {
            url: first.url().to_string(),
        })?;
    let pages = total.div_ceil(u64::from(page_size.get()));
    // The limit is the most a walk may ask for: reaching it is already too much.
    if pages >= crate::MAX_PAGES {
        return Err(PagingError::TooManyPages {
            url: first.url().to_string(),
            total,
            pages,
        });
    }
    let mut items = first.json::<Vec<Value>>().await?;
    let mut page: u32 = 2;
    while u64::from(page) <= pages {
        let response = client
            .get(&url)
            .query(&[("_page", page), ("_limit", page_size.get())])
            .send()
            .await?
            .error_for_status()?;
        items.extend(response.json::<Vec<Value>>().await?);
        page += 1;
    }
    Ok(items)
}
