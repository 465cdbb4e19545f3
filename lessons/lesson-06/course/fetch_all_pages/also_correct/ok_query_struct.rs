//! Correct, written another way: the query is a small `Serialize` struct whose fields serde renames to `_page` and `_limit`, page 1 is fetched before the loop (which then runs over `2..=pages`), and the page bound is checked by multiplying (`total > MAX_PAGES × page_size`, which cannot overflow) before any division.

use std::num::NonZeroU32;

use reqwest::{Client, Response};
use serde::Serialize;
use serde_json::Value;

use crate::{MAX_PAGES, PagingError};

/// The query string of one page: `_page=P&_limit=N`, in that order (a struct serialises its
/// fields in the order they are declared).
#[derive(Serialize)]
struct PageQuery {
    #[serde(rename = "_page")]
    page: u64,
    #[serde(rename = "_limit")]
    limit: NonZeroU32,
}

/// Every item of `resource`, fetched `page_size` at a time, in order.
pub async fn fetch_all_pages(
    client: &Client,
    base_url: &str,
    resource: &str,
    page_size: NonZeroU32,
) -> Result<Vec<Value>, PagingError> {
    let first = get_page(client, base_url, resource, 1, page_size).await?;

    let total = first
        .headers()
        .get("x-total-count")
        .and_then(|value| value.to_str().ok())
        .and_then(|text| text.parse::<u64>().ok());
    let Some(total) = total else {
        return Err(PagingError::NoTotalCount {
            url: first.url().to_string(),
        });
    };

    // More than MAX_PAGES pages of `size` items means more than MAX_PAGES × size items. The
    // product is at most 1,000 × u32::MAX, far below u64::MAX.
    let size = u64::from(page_size.get());
    let pages = total.div_ceil(size);
    if total > MAX_PAGES * size {
        return Err(PagingError::TooManyPages {
            url: first.url().to_string(),
            total,
            pages,
        });
    }

    // Page 1's body is read like any other, even when the total is 0.
    let mut items: Vec<Value> = first.json().await?;
    for page in 2..=pages {
        let answer = get_page(client, base_url, resource, page, page_size).await?;
        items.extend(answer.json::<Vec<Value>>().await?);
    }
    Ok(items)
}

/// One page's answer, its status checked before anything else is read.
async fn get_page(
    client: &Client,
    base_url: &str,
    resource: &str,
    page: u64,
    limit: NonZeroU32,
) -> Result<Response, reqwest::Error> {
    client
        .get(format!("{base_url}/{resource}"))
        .query(&PageQuery { page, limit })
        .send()
        .await?
        .error_for_status()
}
