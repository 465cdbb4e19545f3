//! Wrong: breaks "with one that is not a whole number from 0 to `u64::MAX` (`-6`, `2.5`, `many`, an empty value), is `Err(PagingError::NoTotalCount { url })`"
//! The header is read as an `f64` and accepted when it is finite, not negative and has no
//! fraction, "because some servers send `200.0`". `-6`, `2.5`, `many`, an empty value, `inf`
//! and `NaN` are still refused, and `18446744073709551615` still becomes u64::MAX. But `1e2`,
//! `200.0` and `-0` are taken as totals, `18446744073709551616` (one past u64::MAX) becomes
//! u64::MAX instead of being refused, and totals past 2^53 are rounded (`9007199254740993`
//! reads as `...992`), so `TooManyPages` can report a total the server never sent.

use std::num::NonZeroU32;

use reqwest::{Client, Response};
use serde_json::Value;

use crate::{MAX_PAGES, PagingError, page_count};

/// The `X-Total-Count` header as a count, if it is there and is a whole, non-negative number.
fn total_count(response: &Response) -> Option<u64> {
    let text = response.headers().get("x-total-count")?.to_str().ok()?;
    let number: f64 = text.trim().parse().ok()?;
    if number.is_finite() && number >= 0.0 && number.fract() == 0.0 {
        // Saturates at u64::MAX, so even the largest header cannot panic here.
        Some(number as u64)
    } else {
        None
    }
}

/// Every item of `resource`, fetched `page_size` at a time, in order.
pub async fn fetch_all_pages(
    client: &Client,
    base_url: &str,
    resource: &str,
    page_size: NonZeroU32,
) -> Result<Vec<Value>, PagingError> {
    let mut items = Vec::new();
    let mut page: u32 = 1;
    let mut pages: u64 = 1;
    while u64::from(page) <= pages {
        let response = client
            .get(format!("{base_url}/{resource}"))
            .query(&[("_page", page), ("_limit", page_size.get())])
            .send()
            .await?
            .error_for_status()?;
        if page == 1 {
            let total = total_count(&response).ok_or_else(|| PagingError::NoTotalCount {
                url: response.url().to_string(),
            })?;
            pages = page_count(total, page_size);
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
