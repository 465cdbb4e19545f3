//! Right: the bound is checked on items rather than pages (`total > MAX_PAGES * page_size`, which cannot overflow: 1,000 × `u32::MAX` fits a `u64`, and is the same test as "more than 1,000 pages"), the page count is `total / size` plus one for a remainder, the header is looked up as `"X-Total-Count"` (names are case-insensitive), the two parameters go in two `.query` calls, and the pages are kept as a `Vec<Vec<Value>>` joined with `concat()` at the end.

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
    let list_url = format!("{}/{}", base_url, resource);
    let size = u64::from(page_size.get());

    let first = client
        .get(&list_url)
        .query(&[("_page", 1_u32)])
        .query(&[("_limit", page_size.get())])
        .send()
        .await?
        .error_for_status()?;

    let total = match first.headers().get("X-Total-Count").map(|v| v.to_str()) {
        Some(Ok(text)) => match text.parse::<u64>() {
            Ok(n) => n,
            Err(_) => {
                return Err(PagingError::NoTotalCount {
                    url: first.url().to_string(),
                });
            }
        },
        _ => {
            return Err(PagingError::NoTotalCount {
                url: first.url().to_string(),
            });
        }
    };

    // Whole pages, plus one for what is left over.
    let pages = total / size + u64::from(total % size != 0);
    if total > MAX_PAGES * size {
        return Err(PagingError::TooManyPages {
            url: first.url().to_string(),
            total,
            pages,
        });
    }

    let mut all_pages: Vec<Vec<Value>> = vec![first.json().await?];
    let mut next: u32 = 2;
    while u64::from(next) <= pages {
        let page: Vec<Value> = client
            .get(&list_url)
            .query(&[("_page", next)])
            .query(&[("_limit", page_size.get())])
            .send()
            .await?
            .error_for_status()?
            .json()
            .await?;
        all_pages.push(page);
        next += 1;
    }
    Ok(all_pages.concat())
}
