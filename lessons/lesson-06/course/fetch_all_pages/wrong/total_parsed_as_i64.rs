//! Wrong: breaks "a whole number from 0 to `u64::MAX` … a total that needs more than `MAX_PAGES` pages is `TooManyPages`": the header is parsed as an `i64` (like Python's `int(...)`, so `-6` is recognised and then refused with `u64::try_from`), so a total above `i64::MAX` (`18446744073709551615`, `9223372036854775808`) is `NoTotalCount` ("not a number") where it must be `TooManyPages`; every total up to `i64::MAX`, negatives, `2.5` and `many` behave as the contract says.

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
    // Parse as a signed number first so a negative count is caught, then make it unsigned.
    let total: Option<u64> = first
        .headers()
        .get("x-total-count")
        .and_then(|value| value.to_str().ok())
        .and_then(|text| text.trim().parse::<i64>().ok())
        .and_then(|signed| u64::try_from(signed).ok());
    let Some(total) = total else {
        return Err(PagingError::NoTotalCount {
            url: first.url().to_string(),
        });
    };
    let pages = total.div_ceil(u64::from(page_size.get()));
    if pages > crate::MAX_PAGES {
        return Err(PagingError::TooManyPages {
            url: first.url().to_string(),
            total,
            pages,
        });
    }
    let mut items: Vec<Value> = first.json().await?;
    for page in 2..=pages {
        let response = client
            .get(&url)
            .query(&[("_page", page), ("_limit", u64::from(page_size.get()))])
            .send()
            .await?
            .error_for_status()?;
        let more: Vec<Value> = response.json().await?;
        items.extend(more);
    }
    Ok(items)
}
