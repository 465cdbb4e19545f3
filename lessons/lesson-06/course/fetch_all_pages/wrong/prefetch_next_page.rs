//! Wrong: breaks "one page at a time, in order: page P+1 is asked for once page P's answer has been read" and "a body that is not a JSON list … asks for no further page": page P's body is decoded in a `tokio::join!` with the request for page P+1 (overlapping "download" and "decode"), so P+1 is sent as soon as P's status is in, and a page whose body is not a list still gets the next page asked for before the error is returned; page count, order, statuses and totals are all right.

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
    let request = |page: u32| {
        client
            .get(&url)
            .query(&[("_page", page), ("_limit", size)])
            .send()
    };

    let mut response = request(1).await?.error_for_status()?;
    let total = response
        .headers()
        .get("x-total-count")
        .and_then(|value| value.to_str().ok())
        .and_then(|text| text.parse::<u64>().ok())
        .ok_or_else(|| PagingError::NoTotalCount {
            url: response.url().to_string(),
        })?;
    let pages = total.div_ceil(u64::from(size));
    if pages > MAX_PAGES {
        return Err(PagingError::TooManyPages {
            url: response.url().to_string(),
            total,
            pages,
        });
    }

    let mut items = Vec::new();
    let mut page: u32 = 1;
    loop {
        if u64::from(page) >= pages {
            // The last page (or the only one): nothing to ask for next.
            items.extend(response.json::<Vec<Value>>().await?);
            return Ok(items);
        }
        // Still one page at a time in the walk's order, but the next request travels while
        // this page's body is read and decoded.
        let (body, next) = tokio::join!(response.json::<Vec<Value>>(), request(page + 1));
        items.extend(body?);
        response = next?.error_for_status()?;
        page += 1;
    }
}
