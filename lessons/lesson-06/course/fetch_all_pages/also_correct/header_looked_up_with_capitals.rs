//! Correct, written another way: it looks the total up as `headers().get("X-Total-Count")`, capitals and all (a `&str` key is matched case-insensitively by `HeaderMap::get`, unlike `HeaderName::from_static`, which panics on capitals), counts pages in `u64` (so `_page` and `_limit` go out as `u64`, the same digits), and runs a `loop` that breaks after the last page instead of a `while` on the page number; a check keyed on how the header name is spelled, or on the query values' Rust type, would reject it.

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
    let list_url = format!("{base_url}/{resource}");
    let size = u64::from(page_size.get());
    let mut items: Vec<Value> = Vec::new();
    let mut last_page: u64 = 1; // known once page 1 has answered
    let mut page: u64 = 1;
    loop {
        let response = client
            .get(&list_url)
            .query(&[("_page", page), ("_limit", size)])
            .send()
            .await?
            .error_for_status()?;
        if page == 1 {
            // Header names are case-insensitive, and so is `HeaderMap::get` with a `&str`.
            let total = response
                .headers()
                .get("X-Total-Count")
                .and_then(|value| value.to_str().ok())
                .and_then(|text| text.trim().parse::<u64>().ok());
            let Some(total) = total else {
                return Err(PagingError::NoTotalCount {
                    url: response.url().to_string(),
                });
            };
            last_page = total.div_ceil(size);
            if last_page > crate::MAX_PAGES {
                return Err(PagingError::TooManyPages {
                    url: response.url().to_string(),
                    total,
                    pages: last_page,
                });
            }
        }
        let mut page_items: Vec<Value> = response.json().await?;
        items.append(&mut page_items);
        // A total of 0 is 0 pages: page 1, asked for to learn that, is also the last.
        if page >= last_page {
            break;
        }
        page += 1;
    }
    Ok(items)
}
