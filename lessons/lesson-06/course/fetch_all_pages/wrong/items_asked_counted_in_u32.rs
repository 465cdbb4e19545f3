//! Wrong: breaks "never a panic (not even for `X-Total-Count: 18446744073709551615`)"
//! The walk counts the items asked for so far in a `u32` (the page size is a `u32`, and so are
//! page numbers) and asks for another page while that count is below the total. The count is
//! right and the bound is checked in `u64`, so every request matches the reference; but once
//! the pages asked for cover more than `u32::MAX` items, `asked += size` overflows, which
//! panics in a debug build (the tests' profile). Pages of `u32::MAX` with a total of
//! `u32::MAX + 1` (two pages) panic after the second answer; so do 1,000 pages of 10,000,000.
//! Checks with small pages or a total refused as `TooManyPages` never get there.

use std::num::NonZeroU32;

use reqwest::{Client, Response};
use serde_json::Value;

use crate::{MAX_PAGES, PagingError, page_count};

/// `GET {url}?_page={page}&_limit={size}`, with an error status turned into an error.
async fn get_page(
    client: &Client,
    url: &str,
    page: u32,
    size: u32,
) -> Result<Response, reqwest::Error> {
    client
        .get(url)
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
    let url = format!("{base_url}/{resource}");
    let size = page_size.get();

    let first = get_page(client, &url, 1, size).await?;
    let total = first
        .headers()
        .get("x-total-count")
        .and_then(|value| value.to_str().ok())
        .and_then(|text| text.trim().parse::<u64>().ok())
        .ok_or_else(|| PagingError::NoTotalCount {
            url: first.url().to_string(),
        })?;
    let pages = page_count(total, page_size);
    if pages > MAX_PAGES {
        return Err(PagingError::TooManyPages {
            url: first.url().to_string(),
            total,
            pages,
        });
    }
    let mut items = first.json::<Vec<Value>>().await?;

    // Items covered by the pages asked for so far: another page while that is short of the
    // total, which asks for `pages` pages in all (and just page 1 for a total of 0).
    let mut page: u32 = 1;
    let mut asked: u32 = size;
    while u64::from(asked) < total {
        page += 1;
        let response = get_page(client, &url, page, size).await?;
        items.extend(response.json::<Vec<Value>>().await?);
        asked += size;
    }
    Ok(items)
}
