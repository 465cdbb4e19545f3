//! Correct, written another way: page 1 on its own (it is the one that carries the total), then
//! a `for` loop over pages 2 to the last, with a helper for one page and `match` for the header.

use std::num::NonZeroU32;

use reqwest::{Client, Response};
use serde_json::Value;

use crate::{MAX_PAGES, PagingError};

pub async fn fetch_all_pages(
    client: &Client,
    base_url: &str,
    resource: &str,
    page_size: NonZeroU32,
) -> Result<Vec<Value>, PagingError> {
    let url = format!("{base_url}/{resource}");
    let first = one_page(client, &url, 1, page_size).await?;
    let header = first
        .headers()
        .get("X-Total-Count")
        .and_then(|value| value.to_str().ok());
    let total: u64 = match header.map(str::parse) {
        Some(Ok(total)) => total,
        _ => {
            return Err(PagingError::NoTotalCount {
                url: first.url().to_string(),
            });
        }
    };
    let size = u64::from(page_size.get());
    let pages = total / size + u64::from(total % size != 0);
    if pages > MAX_PAGES {
        let url = first.url().to_string();
        return Err(PagingError::TooManyPages { url, total, pages });
    }
    let mut items: Vec<Value> = first.json().await?;
    // `pages` is at most MAX_PAGES here, so it fits a u32.
    for page in 2..=pages as u32 {
        let batch: Vec<Value> = one_page(client, &url, page, page_size)
            .await?
            .json()
            .await?;
        items.extend(batch);
    }
    Ok(items)
}

/// `GET {url}?_page={page}&_limit={page_size}`, with an error for an error status.
async fn one_page(
    client: &Client,
    url: &str,
    page: u32,
    page_size: NonZeroU32,
) -> Result<Response, PagingError> {
    let response = client
        .get(url)
        .query(&[("_page", page), ("_limit", page_size.get())])
        .send()
        .await?;
    Ok(response.error_for_status()?)
}
