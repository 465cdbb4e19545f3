//! Wrong: breaks "the result is the items of pages 1, 2, 3… one after another": the pages are fetched one at a time and in order, but kept in a `HashMap<u64, Vec<Value>>` keyed by page number (a Python `dict`, which keeps insertion order) and flattened with `into_values()`, whose order is arbitrary in Rust, so with two pages or more the pages come out shuffled (each page's items stay in the server's order, and a one-page list is right).

use std::collections::HashMap;
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
    let size = u64::from(page_size.get());
    let mut by_page: HashMap<u64, Vec<Value>> = HashMap::new();
    let mut pages: u64 = 1;
    let mut page: u64 = 1;
    while page <= pages.max(1) {
        let response = client
            .get(&url)
            .query(&[("_page", page), ("_limit", size)])
            .send()
            .await?
            .error_for_status()?;
        if page == 1 {
            let total = response
                .headers()
                .get("x-total-count")
                .and_then(|value| value.to_str().ok())
                .and_then(|text| text.parse::<u64>().ok())
                .ok_or_else(|| PagingError::NoTotalCount {
                    url: response.url().to_string(),
                })?;
            pages = total.div_ceil(size);
            if pages > crate::MAX_PAGES {
                return Err(PagingError::TooManyPages {
                    url: response.url().to_string(),
                    total,
                    pages,
                });
            }
        }
        by_page.insert(page, response.json::<Vec<Value>>().await?);
        page += 1;
    }
    Ok(by_page.into_values().flatten().collect())
}
