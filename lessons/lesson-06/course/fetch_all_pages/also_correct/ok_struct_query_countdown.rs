//! Correct, written another way: the query is a `#[derive(Serialize)]` struct (`_page`, `_limit` by `serde(rename)`, the size kept as a `NonZeroU32`), and the loop is an open `for page in 1u32..` driven by a countdown of pages still to read, `None` until page 1 has answered.

use std::num::NonZeroU32;

use reqwest::{Client, Response};
use serde::Serialize;
use serde_json::Value;

use crate::{MAX_PAGES, PagingError, page_count};

/// The query of one page: `?_page=P&_limit=N`, in that order.
#[derive(Serialize)]
struct PageQuery {
    #[serde(rename = "_page")]
    page: u32,
    #[serde(rename = "_limit")]
    limit: NonZeroU32,
}

/// `X-Total-Count` as a whole number, if the answer has one.
fn total_count(response: &Response) -> Option<u64> {
    match response
        .headers()
        .get("x-total-count")
        .map(|value| value.to_str())
    {
        Some(Ok(text)) => text.parse::<u64>().ok(),
        _ => None,
    }
}

/// Every item of `resource`, fetched `page_size` at a time, in order.
pub async fn fetch_all_pages(
    client: &Client,
    base_url: &str,
    resource: &str,
    page_size: NonZeroU32,
) -> Result<Vec<Value>, PagingError> {
    let url = format!("{base_url}/{resource}");
    let mut items = Vec::new();
    // Pages still to read, this one included; unknown until page 1 has answered.
    let mut to_read: Option<u64> = None;

    for page in 1u32.. {
        if to_read == Some(0) {
            break;
        }
        let response = client
            .get(&url)
            .query(&PageQuery {
                page,
                limit: page_size,
            })
            .send()
            .await?
            .error_for_status()?;

        if to_read.is_none() {
            let Some(total) = total_count(&response) else {
                return Err(PagingError::NoTotalCount {
                    url: response.url().to_string(),
                });
            };
            let pages = page_count(total, page_size);
            if pages > MAX_PAGES {
                return Err(PagingError::TooManyPages {
                    url: response.url().to_string(),
                    total,
                    pages,
                });
            }
            // Page 1 is read whatever the total, even 0.
            to_read = Some(pages.max(1));
        }

        items.extend(response.json::<Vec<Value>>().await?);
        to_read = to_read.map(|left| left - 1);
    }
    Ok(items)
}
