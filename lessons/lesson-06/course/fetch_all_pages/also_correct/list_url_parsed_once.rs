//! Correct, written another way: the list's URL is parsed once, up front, by building (not
//! sending) a request with `RequestBuilder::build` (a `base_url` that is no URL is its
//! `reqwest::Error`, so `Err(Http)` before any request), and every page is then a `GET` of a
//! clone of that `Url` with `.query(..)` adding `_page` and `_limit`, in one small helper that
//! also checks the status; the header is read with a `match`, the count with `crate::page_count`,
//! and after page 1 a `while` loop appends each later page with `Vec::append`.

use std::num::NonZeroU32;

use reqwest::{Client, Response, Url};
use serde_json::Value;

use crate::PagingError;

/// Every item of `resource`, fetched `page_size` at a time, in order.
pub async fn fetch_all_pages(
    client: &Client,
    base_url: &str,
    resource: &str,
    page_size: NonZeroU32,
) -> Result<Vec<Value>, PagingError> {
    // Built, not sent: this only parses the URL (and keeps `base_url`'s path, `/api/v1` and all).
    let list: Url = client
        .get(format!("{base_url}/{resource}"))
        .build()?
        .url()
        .clone();
    let limit = page_size.get();

    let first = get_page(client, &list, 1, limit).await?;
    let total = match first.headers().get("x-total-count") {
        Some(value) => match value.to_str() {
            Ok(text) => text.parse::<u64>().ok(),
            Err(_) => None,
        },
        None => None,
    };
    let Some(total) = total else {
        return Err(PagingError::NoTotalCount {
            url: first.url().to_string(),
        });
    };
    let last = crate::page_count(total, page_size);
    if last > crate::MAX_PAGES {
        return Err(PagingError::TooManyPages {
            url: first.url().to_string(),
            total,
            pages: last,
        });
    }

    // Page 1's body, whatever the total (0 included): its items are kept like any page's.
    let mut items: Vec<Value> = first.json().await?;
    let mut next: u32 = 2;
    while u64::from(next) <= last {
        let mut more: Vec<Value> = get_page(client, &list, next, limit).await?.json().await?;
        items.append(&mut more);
        next += 1;
    }
    Ok(items)
}

/// `GET {list}?_page={page}&_limit={limit}`, its status checked before anything is read.
async fn get_page(
    client: &Client,
    list: &Url,
    page: u32,
    limit: u32,
) -> Result<Response, reqwest::Error> {
    client
        .get(list.clone())
        .query(&[("_page", page), ("_limit", limit)])
        .send()
        .await?
        .error_for_status()
}
