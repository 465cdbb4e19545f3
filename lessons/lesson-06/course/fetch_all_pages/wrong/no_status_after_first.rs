//! Wrong: breaks "an error status on any page (4xx or 5xx, checked before anything else is read) … is `Err(PagingError::Http(..))`": only page 1's status is checked; later pages go straight to `.json::<Vec<Value>>()`, on the reasoning that an error answer is not a list and fails to decode anyway, so a 404 or 500 on page 3 whose body happens to be a JSON list (`[]`, or items) is taken as a page and the walk goes on.

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

    // Page 1 is special: its status must be checked before its header is trusted.
    let first = client
        .get(&url)
        .query(&[("_page", 1), ("_limit", size)])
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
    let pages = total.div_ceil(u64::from(size));
    if pages > MAX_PAGES {
        return Err(PagingError::TooManyPages {
            url: first.url().to_string(),
            total,
            pages,
        });
    }

    let mut items = first.json::<Vec<Value>>().await?;
    for page in 2..=pages as u32 {
        // An error page is not a JSON list, so `.json` turns it into an error by itself.
        let more: Vec<Value> = client
            .get(&url)
            .query(&[("_page", page), ("_limit", size)])
            .send()
            .await?
            .json()
            .await?;
        items.extend(more);
    }
    Ok(items)
}
