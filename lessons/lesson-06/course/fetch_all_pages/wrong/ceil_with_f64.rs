//! Wrong: breaks "a total that needs more than `crate::MAX_PAGES` (1,000) pages of `page_size` is `Err(PagingError::TooManyPages { url, total, pages })`": the number of pages is Python's `math.ceil(total / page_size)` done in `f64`, exact for every total a walk can accept but off for totals past 2^53, so `X-Total-Count: 18446744073709551615` in pages of 30 reports `pages: 614891469123651712` instead of 614891469123651721 (pages of 1, 2 or 1,000 happen to come out right); the walk itself (requests, order, items, every other error) is the reference's.

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
    let mut page: u32 = 1;
    // Until page 1's answer says how many there are.
    let mut pages: u64 = 1;

    while u64::from(page) <= pages {
        let response = client
            .get(&url)
            .query(&[("_page", page), ("_limit", size)])
            .send()
            .await?
            // The status before anything else: a 500's missing header is not the problem.
            .error_for_status()?;

        if page == 1 {
            let total = total_count(&response).ok_or_else(|| PagingError::NoTotalCount {
                url: response.url().to_string(),
            })?;
            // Round up: a last, partial page is still a page (math.ceil(total / page_size)).
            pages = (total as f64 / f64::from(size)).ceil() as u64;
            if pages > crate::MAX_PAGES {
                return Err(PagingError::TooManyPages {
                    url: response.url().to_string(),
                    total,
                    pages,
                });
            }
        }

        // Reading the body consumes the response: everything from the head was taken above.
        items.extend(response.json::<Vec<Value>>().await?);
        page += 1;
    }
    Ok(items)
}
