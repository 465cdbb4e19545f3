//! Wrong: breaks "the result is the items of pages 1, 2, 3… as the server sent them … not cut … to the total" and "a body that is not a JSON list is `Err(PagingError::Http(..))`": when `X-Total-Count` is 0 it returns `Ok(vec![])` straight away ("nothing to fetch") without reading page 1's body, so a first page that holds items despite a total of 0 loses them, and one whose body is not a list (HTML, an object) is `Ok` instead of an error; the one request for page 1 is still made.

use std::num::NonZeroU32;

use reqwest::Client;
use serde_json::Value;

use crate::{MAX_PAGES, PagingError};

/// Every item of `resource`, fetched `page_size` at a time, in order.
pub async fn fetch_all_pages(
    client: &Client,
    base_url: &str,
    resource: &str,
    page_size: NonZeroU32,
) -> Result<Vec<Value>, PagingError> {
    let url = format!("{base_url}/{resource}");
    let size = page_size.get();

    let first = client
        .get(&url)
        .query(&[("_page", 1), ("_limit", size)])
        .send()
        .await?
        .error_for_status()?;
    let total = first
        .headers()
        .get("x-total-count")
        .and_then(|value| value.to_str().ok())
        .and_then(|text| text.parse::<u64>().ok())
        .ok_or_else(|| PagingError::NoTotalCount {
            url: first.url().to_string(),
        })?;
    if total == 0 {
        // An empty list: no items, no more pages, no body worth decoding.
        return Ok(Vec::new());
    }
    let pages = total.div_ceil(u64::from(size));
    if pages > MAX_PAGES {
        return Err(PagingError::TooManyPages {
            url: first.url().to_string(),
            total,
            pages,
        });
    }

    let mut items = first.json::<Vec<Value>>().await?;
    for page in 2..=pages as u32 {
        let more = client
            .get(&url)
            .query(&[("_page", page), ("_limit", size)])
            .send()
            .await?
            .error_for_status()?
            .json::<Vec<Value>>()
            .await?;
        items.extend(more);
    }
    Ok(items)
}
