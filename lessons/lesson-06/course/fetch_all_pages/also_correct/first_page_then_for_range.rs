//! Correct, written another way: page 1 is fetched on its own before any loop (its head gives
//! the plan: the total, the URL for the errors, the page count), then a plain
//! `for page in 2..=pages` walks the rest through one small helper that sends a page request
//! and checks its status; page numbers and the size go out as `u64`.

use std::num::NonZeroU32;

use reqwest::{Client, Response};
use serde_json::Value;

use crate::{MAX_PAGES, PagingError};

/// `GET {base_url}/{resource}?_page={page}&_limit={size}`, an error status already turned into
/// an error (before anything of the answer is read).
async fn request_page(
    client: &Client,
    base_url: &str,
    resource: &str,
    page: u64,
    size: u64,
) -> Result<Response, reqwest::Error> {
    client
        .get(format!("{base_url}/{resource}"))
        .query(&[("_page", page), ("_limit", size)])
        .send()
        .await?
        .error_for_status()
}

/// Every item of `resource`, fetched `page_size` at a time, in order.
pub async fn fetch_all_pages(
    client: &Client,
    base_url: &str,
    resource: &str,
    page_size: NonZeroU32,
) -> Result<Vec<Value>, PagingError> {
    let size = u64::from(page_size.get());

    let first = request_page(client, base_url, resource, 1, size).await?;
    let url = first.url().to_string();
    let total = first
        .headers()
        .get("x-total-count")
        .and_then(|value| value.to_str().ok())
        .and_then(|text| text.trim().parse::<u64>().ok());
    let Some(total) = total else {
        return Err(PagingError::NoTotalCount { url });
    };
    // `div_ceil` cannot overflow, whatever the total.
    let pages = total.div_ceil(size);
    if pages > MAX_PAGES {
        return Err(PagingError::TooManyPages { url, total, pages });
    }
    // Page 1's body is read whatever the total (0 included), and read last: `json` consumes it.
    let mut items: Vec<Value> = first.json().await?;

    // Empty when there are 0 or 1 pages. Each page is read to its end before the next is asked.
    for page in 2..=pages {
        let response = request_page(client, base_url, resource, page, size).await?;
        let page_items: Vec<Value> = response.json().await?;
        items.extend(page_items);
    }
    Ok(items)
}
