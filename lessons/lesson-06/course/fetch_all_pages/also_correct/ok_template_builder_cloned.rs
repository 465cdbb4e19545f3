//! Correct, written another way: the request for `{base_url}/{resource}` is built once as a template and each page sends a `try_clone()` of it with its own `.query(..)` (a builder that already failed, for a base URL that is not a URL, cannot be cloned and is rebuilt so that `send` reports its error).

use std::num::NonZeroU32;

use reqwest::{Client, Response};
use serde_json::Value;

use crate::PagingError;

/// The `X-Total-Count` header as a number, if it is there and is one.
fn total_count(response: &Response) -> Option<u64> {
    let value = response.headers().get("x-total-count")?;
    value.to_str().ok()?.trim().parse().ok()
}

/// Every item of `resource`, fetched `page_size` at a time, in order.
pub async fn fetch_all_pages(
    client: &Client,
    base_url: &str,
    resource: &str,
    page_size: NonZeroU32,
) -> Result<Vec<Value>, PagingError> {
    let url = format!("{base_url}/{resource}");
    // Everything but the query is the same for every page: build it once.
    let template = client.get(&url);

    let mut items = Vec::new();
    let mut page: u32 = 1;
    let mut last_page: u64 = 1; // until page 1's answer says otherwise
    while u64::from(page) <= last_page {
        let request = match template.try_clone() {
            Some(request) => request,
            // Only a builder holding an error (no body here to stream) refuses to clone:
            // build it again, and `send` below reports that error.
            None => client.get(&url),
        };
        let response = request
            .query(&[("_page", page), ("_limit", page_size.get())])
            .send()
            .await?
            .error_for_status()?;
        if page == 1 {
            let total = total_count(&response).ok_or_else(|| PagingError::NoTotalCount {
                url: response.url().to_string(),
            })?;
            let pages = crate::page_count(total, page_size);
            if pages > crate::MAX_PAGES {
                return Err(PagingError::TooManyPages {
                    url: response.url().to_string(),
                    total,
                    pages,
                });
            }
            last_page = pages;
        }
        items.extend(response.json::<Vec<Value>>().await?);
        page += 1;
    }
    Ok(items)
}
