//! Wrong: breaks "a `base_url` that is no URL (`127.0.0.1:3000`, its scheme left out) is an `Err`" and "never a panic": it checks the base URL up front with `Url::parse(base_url).expect(..)`, the tidy habit of validating input first, so a base URL without its scheme panics where `send()` would return the error; everything else is the reference's.

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
    // Check the input first: a base URL we cannot parse is the caller's bug.
    let _ = reqwest::Url::parse(base_url).expect("the caller passes a valid base URL");
    let url = format!("{base_url}/{resource}");
    let mut items = Vec::new();
    let mut page: u32 = 1;
    // Known once the first answer is in; until then, at least one page.
    let mut pages: u64 = 1;
    while u64::from(page) <= pages {
        let response = client
            .get(&url)
            .query(&[("_page", page), ("_limit", page_size.get())])
            .send()
            .await?
            // `?` turns the `reqwest::Error` into `PagingError::Http` (its `#[from]`).
            .error_for_status()?;
        if page == 1 {
            let total = total_count(&response).ok_or_else(|| PagingError::NoTotalCount {
                url: response.url().to_string(),
            })?;
            // Round up: the last page may hold fewer than `page_size` items. `div_ceil`
            // cannot overflow, where `(total + size - 1) / size` can.
            pages = total.div_ceil(u64::from(page_size.get()));
            if pages > MAX_PAGES {
                return Err(PagingError::TooManyPages {
                    url: response.url().to_string(),
                    total,
                    pages,
                });
            }
        }
        // Read the whole page before asking for the next one.
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
