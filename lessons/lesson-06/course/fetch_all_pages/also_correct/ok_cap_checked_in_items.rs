//! Correct, written another way: the cap is checked on the item count (`total > MAX_PAGES * page_size`, which is `pages > MAX_PAGES` without the division), the page count is worked out afterwards, and the walk is a `loop` that reads each page's body and then `break`s once the page just read is the last one the first total allows.

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
    let size = u64::from(page_size.get());
    // The most items a walk will fetch: 1,000 pages of at most 4,294,967,295 items fits a u64.
    let most_items = MAX_PAGES * size;

    let mut items = Vec::new();
    let mut page: u32 = 1;
    let mut last_page: u64 = 1;
    loop {
        let response = client
            .get(&url)
            .query(&[("_page", page), ("_limit", page_size.get())])
            .send()
            .await?
            .error_for_status()?;
        if page == 1 {
            let Some(total) = total_count(&response) else {
                return Err(PagingError::NoTotalCount {
                    url: response.url().to_string(),
                });
            };
            // More items than MAX_PAGES full pages hold means more than MAX_PAGES pages.
            if total > most_items {
                return Err(PagingError::TooManyPages {
                    url: response.url().to_string(),
                    total,
                    pages: total.div_ceil(size),
                });
            }
            last_page = total.div_ceil(size);
        }
        let page_items: Vec<Value> = response.json().await?;
        items.extend(page_items);
        // A total of 0 gives a last page of 0: page 1 is still read, and is the end.
        if u64::from(page) >= last_page {
            break;
        }
        page += 1;
    }
    Ok(items)
}

/// The `X-Total-Count` header as a whole number, if it is there and is one.
fn total_count(response: &Response) -> Option<u64> {
    let text = response.headers().get("x-total-count")?.to_str().ok()?;
    text.trim().parse::<u64>().ok()
}
