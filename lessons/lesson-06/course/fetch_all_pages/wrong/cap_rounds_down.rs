//! Wrong: breaks "a total that needs more than `crate::MAX_PAGES` (1,000) pages … is `TooManyPages` … and no further request": the guard is written Python-style as `total / size > MAX_PAGES` (rounded down) while the walk uses `div_ceil`, so a total just past 1,000 full pages (30,001 to 30,029 items in pages of 30: 1,001 pages) is walked to the end; with pages of 1, or totals far above the limit, the refusal is right.

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
    let total = first
        .headers()
        .get("x-total-count")
        .and_then(|value| value.to_str().ok())
        .and_then(|text| text.parse::<u64>().ok())
        .ok_or_else(|| PagingError::NoTotalCount {
            url: first.url().to_string(),
        })?;

    // Refuse absurd totals before doing anything else with them.
    if total / u64::from(size) > MAX_PAGES {
        return Err(PagingError::TooManyPages {
            url: first.url().to_string(),
            total,
            pages: total.div_ceil(u64::from(size)),
        });
    }
    let pages = total.div_ceil(u64::from(size));

    let mut items = first.json::<Vec<Value>>().await?;
    let mut page: u64 = 2;
    while page <= pages {
        let number = u32::try_from(page).unwrap_or(u32::MAX);
        let more = client
            .get(&url)
            .query(&[("_page", number), ("_limit", size)])
            .send()
            .await?
            .error_for_status()?
            .json::<Vec<Value>>()
            .await?;
        items.extend(more);
        page += 1;
    }
    Ok(items)
}
