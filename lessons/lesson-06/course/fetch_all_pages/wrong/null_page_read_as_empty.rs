//! Wrong: breaks "a body that is not a JSON list is `Err(PagingError::Http(..))`"
//! Each page's body is decoded as `Option<Vec<Value>>` and a `None` taken as an empty page,
//! "because some APIs answer an empty page with `null` instead of `[]`". Every list, every
//! object, every string and every body that is not JSON at all is read exactly as before
//! (`{}`, `"oops"` and `<html>` are still `Err(Http)`), so the usual not-a-list checks pass;
//! but a page whose body is the JSON `null` is quietly an empty page and the walk goes on,
//! where the contract wants the error and no partial list.

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
            pages = total.div_ceil(u64::from(size));
            if pages > MAX_PAGES {
                return Err(PagingError::TooManyPages {
                    url: response.url().to_string(),
                    total,
                    pages,
                });
            }
        }
        // A server that has nothing on this page may say `null`: that is an empty page.
        let page_items = response.json::<Option<Vec<Value>>>().await?;
        items.extend(page_items.unwrap_or_default());
        page += 1;
    }
    Ok(items)
}

/// The `X-Total-Count` header as a number, if it is there and is one.
fn total_count(response: &Response) -> Option<u64> {
    let value = response.headers().get("x-total-count")?;
    value.to_str().ok()?.trim().parse().ok()
}
