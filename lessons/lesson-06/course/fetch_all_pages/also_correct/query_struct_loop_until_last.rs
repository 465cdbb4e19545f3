//! Correct, written another way: the query string is a small `#[derive(Serialize)]` struct
//! (`_page` and `_limit` by `#[serde(rename)]`, the size kept as the `NonZeroU32`, which serde
//! writes as its number) handed to `.query(&..)`; the walk is a bare `loop` that numbers the
//! page at the top and `break`s at the bottom once the page just read is the last one (`last`
//! starts at 0 and is set by page 1's header, so a total of 0 still reads page 1's body); the
//! header is checked with `HeaderValue::to_str` and `u64::from_str` in a `match`, and the bound
//! with `u64::div_ceil` on the spot.

use std::num::NonZeroU32;
use std::str::FromStr;

use reqwest::Client;
use serde::Serialize;
use serde_json::Value;

use crate::{MAX_PAGES, PagingError};

/// The query string of one page request: `_page=P&_limit=N`, and nothing else.
#[derive(Serialize)]
struct PageQuery {
    #[serde(rename = "_page")]
    page: u32,
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
    let list = format!("{base_url}/{resource}");
    let mut items: Vec<Value> = Vec::new();
    let mut page: u32 = 0;
    let mut last: u64 = 0;
    loop {
        page += 1;
        let query = PageQuery {
            page,
            limit: page_size,
        };
        let response = client
            .get(&list)
            .query(&query)
            .send()
            .await?
            .error_for_status()?;

        if page == 1 {
            let header = response.headers().get("x-total-count");
            let total = match header.map(|value| value.to_str()) {
                Some(Ok(text)) => u64::from_str(text.trim()).ok(),
                _ => None,
            };
            let Some(total) = total else {
                return Err(PagingError::NoTotalCount {
                    url: response.url().to_string(),
                });
            };
            last = total.div_ceil(u64::from(page_size.get()));
            if last > MAX_PAGES {
                return Err(PagingError::TooManyPages {
                    url: response.url().to_string(),
                    total,
                    pages: last,
                });
            }
        }

        let body: Vec<Value> = response.json().await?;
        items.extend(body);
        if u64::from(page) >= last {
            break;
        }
    }
    Ok(items)
}
