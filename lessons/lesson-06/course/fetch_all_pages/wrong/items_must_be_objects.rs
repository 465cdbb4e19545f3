//! Wrong: breaks "the result is the items of pages 1, 2, 3… one after another, each page's as the server sent them" (only "a body that is not a JSON list" is an error): each page is decoded as a list of JSON objects, so a page that is a JSON list of anything else (`[1, 2]`, `["a"]`, `[null]`, a nested list) is `Err(PagingError::Http)` instead of its items; lists of objects (every usual resource), the URLs, the page count from the first total, the cap and the errors are as the contract says.

use std::num::NonZeroU32;

use reqwest::{Client, Response};
use serde_json::{Map, Value};

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
            pages = total.div_ceil(u64::from(page_size.get()));
            if pages > MAX_PAGES {
                return Err(PagingError::TooManyPages {
                    url: response.url().to_string(),
                    total,
                    pages,
                });
            }
        }
        // A list resource is a list of records: each item a JSON object with its fields.
        // Decoding them as objects refuses a page of anything else right here.
        let records = response.json::<Vec<Map<String, Value>>>().await?;
        items.extend(records.into_iter().map(Value::Object));
        page += 1;
    }
    Ok(items)
}

/// The `X-Total-Count` header as a number, if it is there and is one.
fn total_count(response: &Response) -> Option<u64> {
    let value = response.headers().get("x-total-count")?;
    value.to_str().ok()?.trim().parse().ok()
}
