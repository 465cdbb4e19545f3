//! Wrong: breaks "a first answer without `X-Total-Count`, or with one that is not a whole number from 0 to `u64::MAX` ... is `Err(PagingError::NoTotalCount { url })`": the total is parsed as a `u128`, so a whole number above `u64::MAX` (`18446744073709551616`, `99999999999999999999999`) is taken as a real total and ends in `TooManyPages` (its fields saturated to `u64::MAX`) instead of `NoTotalCount`; totals from 0 to `u64::MAX`, the missing, negative, fractional and non-numeric ones, the paging and the errors are as the contract says.

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
    let mut items = Vec::new();
    let mut page: u32 = 1;
    // One page until the first answer says how many there are.
    let mut pages: u64 = 1;
    while u64::from(page) <= pages {
        let response = client
            .get(&url)
            .query(&[("_page", page), ("_limit", page_size.get())])
            .send()
            .await?
            .error_for_status()?;
        if page == 1 {
            let total = total_count(&response).ok_or_else(|| PagingError::NoTotalCount {
                url: response.url().to_string(),
            })?;
            // In u128 the round-up cannot overflow, whatever the header says.
            let needed = total.div_ceil(u128::from(page_size.get()));
            if needed > u128::from(MAX_PAGES) {
                return Err(PagingError::TooManyPages {
                    url: response.url().to_string(),
                    total: u64::try_from(total).unwrap_or(u64::MAX),
                    pages: u64::try_from(needed).unwrap_or(u64::MAX),
                });
            }
            // At most MAX_PAGES here, so it fits.
            pages = u64::try_from(needed).unwrap_or(MAX_PAGES);
        }
        items.extend(response.json::<Vec<Value>>().await?);
        page += 1;
    }
    Ok(items)
}

/// The `X-Total-Count` header as a number, if it is there and is one. Parsed as a `u128` so
/// that "never a panic, not even for 18446744073709551615" holds for anything a server sends.
fn total_count(response: &Response) -> Option<u128> {
    let value = response.headers().get("x-total-count")?;
    value.to_str().ok()?.trim().parse().ok()
}
