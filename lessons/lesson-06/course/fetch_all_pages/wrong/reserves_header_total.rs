//! Wrong: breaks "never a panic (not even for `X-Total-Count: 18446744073709551615`)"
//! Once page 1's header has given the total, and only after the `MAX_PAGES` bound has let it
//! through, the result is made with `Vec::with_capacity(total)` "so the vector grows once, not
//! at every page", the cast done with care (`usize::try_from(..)`, never `as`). With the page
//! sizes anyone tries (30, 1, 50) an allowed total is at most some tens of thousands, a few
//! hundred kilobytes reserved, and every walk, error and request count is exactly right. But
//! the bound is on pages, not items: with large pages a header may announce up to
//! 1,000 × `page_size` items (4,294,967,295,000 in pages of `u32::MAX`), and the reservation of
//! hundreds of terabytes for them fails before page 2 is asked for: "memory allocation failed"
//! and the process aborts, which is worse than a panic, on a number the server alone chose.

use std::num::NonZeroU32;

use reqwest::{Client, Response};
use serde_json::Value;

use crate::PagingError;

/// Every item of `resource`, fetched `page_size` at a time, in order.
pub async fn fetch_all_pages(
    client: &Client,
    base_url: &str,
    resource: &str,
    page_size: NonZeroU32,
) -> Result<Vec<Value>, PagingError> {
    let url = format!("{base_url}/{resource}");
    let limit = page_size.get();

    let mut items: Vec<Value> = Vec::new();
    let mut page: u32 = 1;
    let mut pages: u64 = 1; // until page 1's answer says otherwise
    while u64::from(page) <= pages {
        let response = client
            .get(&url)
            .query(&[("_page", page), ("_limit", limit)])
            .send()
            .await?
            .error_for_status()?;
        if page == 1 {
            let total = total_count(&response).ok_or_else(|| PagingError::NoTotalCount {
                url: response.url().to_string(),
            })?;
            pages = crate::page_count(total, page_size);
            if pages > crate::MAX_PAGES {
                return Err(PagingError::TooManyPages {
                    url: response.url().to_string(),
                    total,
                    pages,
                });
            }
            // The total is known and within the bound: room for every item at once.
            items = Vec::with_capacity(usize::try_from(total).unwrap_or(0));
        }
        items.extend(response.json::<Vec<Value>>().await?);
        page += 1;
    }
    Ok(items)
}

/// The `X-Total-Count` header as a whole number, if it is there and is one.
fn total_count(response: &Response) -> Option<u64> {
    let value = response.headers().get("x-total-count")?;
    value.to_str().ok()?.parse().ok()
}
