//! Wrong: breaks "never a panic (not even for `X-Total-Count: 18446744073709551615`)": it stops once `page * page_size` (computed in `u32`, then widened) covers the total, which overflows and panics for large page sizes, e.g. pages of 3,000,000,000 with a total of 6,000,000,000 (2 pages, allowed), where the reference returns the items of both pages; for every product that fits in `u32` it asks for exactly `ceil(total / page_size)` pages, and the header, error and TooManyPages handling are the reference's.

use std::num::NonZeroU32;

use reqwest::{Client, Response};
use serde_json::Value;

use crate::PagingError;

/// `X-Total-Count` as a whole number, if the answer has one.
fn total_count(response: &Response) -> Option<u64> {
    let value = response.headers().get("x-total-count")?;
    value.to_str().ok()?.trim().parse().ok()
}

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
    let mut total: u64 = 0;
    let mut page: u32 = 1;

    loop {
        let response = client
            .get(&url)
            .query(&[("_page", page), ("_limit", size)])
            .send()
            .await?
            .error_for_status()?;

        if page == 1 {
            // Only the first answer's total counts.
            total = total_count(&response).ok_or_else(|| PagingError::NoTotalCount {
                url: response.url().to_string(),
            })?;
            let pages = crate::page_count(total, page_size);
            if pages > crate::MAX_PAGES {
                return Err(PagingError::TooManyPages {
                    url: response.url().to_string(),
                    total,
                    pages,
                });
            }
        }

        items.extend(response.json::<Vec<Value>>().await?);

        // Pages 1..=page cover the first `page * size` places of the list: once that reaches
        // the total, every page has been asked for (a total of 0 stops after page 1).
        if u64::from(page * size) >= total {
            break;
        }
        page += 1;
    }
    Ok(items)
}
