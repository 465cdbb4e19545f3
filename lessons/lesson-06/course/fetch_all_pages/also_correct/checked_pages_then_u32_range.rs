//! Right: the header is decoded from raw bytes (`std::str::from_utf8` then `str::parse::<u64>`), the page count is `total / size` plus one when `total % size != 0`, the bound is enforced by converting the count to a `u32` only after `pages <= MAX_PAGES` (so the loop is a plain `2..=last` range of `u32`s), each later page is sent by a small helper that checks its status before decoding, and the items are gathered page by page with `Vec::append`.

use std::num::NonZeroU32;

use reqwest::{Client, Response};
use serde_json::Value;

use crate::PagingError;

/// Sends one page request and checks its status before anything is read.
async fn get_page(
    client: &Client,
    list_url: &str,
    page: u32,
    page_size: NonZeroU32,
) -> Result<Response, reqwest::Error> {
    client
        .get(list_url)
        .query(&[("_page", page)])
        .query(&[("_limit", page_size.get())])
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
    let list_url = format!("{base_url}/{resource}");
    let first = get_page(client, &list_url, 1, page_size).await?;
    let answer_url = first.url().to_string();

    let total = match first.headers().get("X-Total-Count") {
        Some(value) => std::str::from_utf8(value.as_bytes())
            .ok()
            .and_then(|text| text.parse::<u64>().ok()),
        None => None,
    };
    let Some(total) = total else {
        return Err(PagingError::NoTotalCount { url: answer_url });
    };

    let size = u64::from(page_size.get());
    let pages = total / size + u64::from(total % size != 0);
    let last = match u32::try_from(pages) {
        Ok(last) if pages <= crate::MAX_PAGES => last,
        _ => {
            return Err(PagingError::TooManyPages {
                url: answer_url,
                total,
                pages,
            });
        }
    };

    let mut all: Vec<Value> = first.json().await?;
    for page in 2..=last {
        let mut items: Vec<Value> = get_page(client, &list_url, page, page_size)
            .await?
            .json()
            .await?;
        all.append(&mut items);
    }
    Ok(all)
}
