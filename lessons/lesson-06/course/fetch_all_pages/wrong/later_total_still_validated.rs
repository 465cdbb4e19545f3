//! Wrong: breaks "Later answers' `X-Total-Count` is not read"
//! One helper reads the header on every answer: a missing header is `Ok(None)` (later pages
//! may leave it out, the checks say so), a garbled one is `NoTotalCount` ("a server that sends
//! `many` is broken, better to stop"). Only page 1's number is used, so a later answer that
//! claims more, fewer or nothing changes nothing, and every walk against an honest server is
//! right. But a later answer whose `X-Total-Count` is `many`, `-6`, `2.5` or empty ends the walk
//! with `Err(NoTotalCount)` instead of being ignored like any other later header.

use std::num::NonZeroU32;

use reqwest::{Client, Response};
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
    let mut items = Vec::new();
    let mut page: u32 = 1;
    let mut pages: u64 = 1; // until page 1's answer says otherwise
    while u64::from(page) <= pages {
        let response = client
            .get(&url)
            .query(&[("_page", page), ("_limit", size)])
            .send()
            .await?
            .error_for_status()?;
        let reported = total_count(&response)?;
        if page == 1 {
            let total = reported.ok_or_else(|| PagingError::NoTotalCount {
                url: response.url().to_string(),
            })?;
            pages = total.div_ceil(u64::from(size));
            if pages > MAX_PAGES {
                return Err(PagingError::TooManyPages {
                    url: response.url().to_string(),
                    total,
                    pages,
                });
            }
        }
        items.extend(response.json::<Vec<Value>>().await?);
        page += 1;
    }
    Ok(items)
}

/// The `X-Total-Count` header: `None` when the answer has none, an error when it has one that
/// is not a whole number.
fn total_count(response: &Response) -> Result<Option<u64>, PagingError> {
    let Some(value) = response.headers().get("x-total-count") else {
        return Ok(None);
    };
    value
        .to_str()
        .ok()
        .and_then(|text| text.trim().parse::<u64>().ok())
        .map(Some)
        .ok_or_else(|| PagingError::NoTotalCount {
            url: response.url().to_string(),
        })
}
