//! Wrong: breaks "the result is the items of pages 1, 2, 3… each page's as the server sent them: … not cut or padded to the total": the walk is right (pages, order, duplicates kept, errors), but the list is then `truncate`d to `X-Total-Count` ("a server that ignores `_limit` must not give us more than it said"), so when the pages hold more items than the total (a page longer than `page_size`, repeats on top of a full count) the tail is dropped.

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
    // The header is the list's size: never return more than it said.
    items.truncate(usize::try_from(total).unwrap_or(usize::MAX));
    Ok(items)
}
