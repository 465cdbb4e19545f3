//! Correct, written another way: page 1 is fetched before the loop and the rest with a `for` over `2..=last`; the header is decoded with `str::from_utf8` on its bytes, the rounding up is `total / size + (total % size != 0)`, and each page goes through a small helper that returns the response already status-checked.

use std::num::NonZeroU32;

use reqwest::{Client, Response};
use serde_json::Value;

use crate::{MAX_PAGES, PagingError};

/// `GET {url}?_page={page}&_limit={limit}`, with an error status turned into an error.
async fn get_page(
    client: &Client,
    url: &str,
    page: u32,
    limit: u32,
) -> Result<Response, reqwest::Error> {
    client
        .get(url)
        .query(&[("_page", page), ("_limit", limit)])
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
    let url = format!("{base_url}/{resource}");
    let limit = page_size.get();

    let first = get_page(client, &url, 1, limit).await?;
    let total = first
        .headers()
        .get("X-Total-Count")
        .and_then(|value| std::str::from_utf8(value.as_bytes()).ok())
        .and_then(|text| text.parse::<u64>().ok());
    let Some(total) = total else {
        return Err(PagingError::NoTotalCount {
            url: first.url().to_string(),
        });
    };
    let size = u64::from(limit);
    let pages = total / size + u64::from(total % size != 0);
    if pages > MAX_PAGES {
        return Err(PagingError::TooManyPages {
            url: first.url().to_string(),
            total,
            pages,
        });
    }
    let mut items: Vec<Value> = first.json().await?;

    // At most MAX_PAGES, so it fits a u32.
    let last = u32::try_from(pages).unwrap_or(u32::MAX);
    for page in 2..=last {
        let mut more: Vec<Value> = get_page(client, &url, page, limit).await?.json().await?;
        items.append(&mut more);
    }
    Ok(items)
}
