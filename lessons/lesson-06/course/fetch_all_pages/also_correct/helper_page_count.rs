//! Right: one private helper sends every page (`_page` and `_limit` as `u64`s, which serialise to the same digits) and checks its status, the header is decoded by a small `fn` with `from_utf8` and `?` on `Option`s, the count comes from the lesson's own `crate::page_count`, and a `while page < pages` loop appends each later page with `Vec::append`.

use std::num::NonZeroU32;

use reqwest::{Client, Response};
use serde_json::Value;

use crate::{MAX_PAGES, PagingError, page_count};

/// `GET {list}?_page={page}&_limit={limit}`, with an error status turned into an error.
async fn get_page(
    client: &Client,
    list: &str,
    page: u64,
    limit: u64,
) -> Result<Response, reqwest::Error> {
    client
        .get(list)
        .query(&[("_page", page), ("_limit", limit)])
        .send()
        .await?
        .error_for_status()
}

/// `X-Total-Count` as a whole number, or `None`.
fn header_total(response: &Response) -> Option<u64> {
    let raw = response.headers().get("x-total-count")?;
    std::str::from_utf8(raw.as_bytes())
        .ok()?
        .parse::<u64>()
        .ok()
}

/// Every item of `resource`, fetched `page_size` at a time, in order.
pub async fn fetch_all_pages(
    client: &Client,
    base_url: &str,
    resource: &str,
    page_size: NonZeroU32,
) -> Result<Vec<Value>, PagingError> {
    let list = format!("{base_url}/{resource}");
    let limit = u64::from(page_size.get());

    let first = get_page(client, &list, 1, limit).await?;
    let Some(total) = header_total(&first) else {
        return Err(PagingError::NoTotalCount {
            url: first.url().to_string(),
        });
    };
    let pages = page_count(total, page_size);
    if pages > MAX_PAGES {
        return Err(PagingError::TooManyPages {
            url: first.url().to_string(),
            total,
            pages,
        });
    }

    let mut items: Vec<Value> = first.json().await?;
    let mut page: u64 = 1;
    while page < pages {
        page += 1;
        let mut more: Vec<Value> = get_page(client, &list, page, limit).await?.json().await?;
        items.append(&mut more);
    }
    Ok(items)
}
