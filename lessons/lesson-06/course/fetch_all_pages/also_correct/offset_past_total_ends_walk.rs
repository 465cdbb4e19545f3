//! Correct, written another way: an open `for page in 1u32..` loop that stops at the first page
//! whose first item, `(page - 1) * page_size` (in `u64`), is not below the first answer's total,
//! kept as an `Option` that page 1's head fills in.
//!
//! Page P is asked for exactly when `(P - 1) * size < total`, that is when
//! `P <= total.div_ceil(size)`; page 1 always goes out, since the total is unknown until its
//! answer. The bound (`page_count(total) <= MAX_PAGES`) is checked on page 1's head, so the
//! loop reaches at most page 1,001, where `1_000 * u32::MAX` still fits a `u64` with room to
//! spare: no overflow, no panic, and no cast down.

use std::num::NonZeroU32;

use reqwest::Client;
use serde_json::Value;

use crate::{MAX_PAGES, PagingError, page_count};

/// Every item of `resource`, fetched `page_size` at a time, in order.
pub async fn fetch_all_pages(
    client: &Client,
    base_url: &str,
    resource: &str,
    page_size: NonZeroU32,
) -> Result<Vec<Value>, PagingError> {
    let url = format!("{base_url}/{resource}");
    let size = u64::from(page_size.get());
    let mut items = Vec::new();
    // Unknown until page 1's answer; from then on, the first answer's word only.
    let mut total: Option<u64> = None;
    for page in 1u32.. {
        // The first item page P would hold; at or past the total, the walk is done.
        if total.is_some_and(|total| u64::from(page - 1) * size >= total) {
            break;
        }
        let response = client
            .get(&url)
            .query(&[("_page", page), ("_limit", page_size.get())])
            .send()
            .await?
            .error_for_status()?;
        if total.is_none() {
            let count = response
                .headers()
                .get("x-total-count")
                .and_then(|value| value.to_str().ok())
                .and_then(|text| text.trim().parse::<u64>().ok())
                .ok_or_else(|| PagingError::NoTotalCount {
                    url: response.url().to_string(),
                })?;
            let pages = page_count(count, page_size);
            if pages > MAX_PAGES {
                return Err(PagingError::TooManyPages {
                    url: response.url().to_string(),
                    total: count,
                    pages,
                });
            }
            total = Some(count);
        }
        items.extend(response.json::<Vec<Value>>().await?);
    }
    Ok(items)
}
