//! Wrong: breaks "what a page holds (a short page, an empty one, a long one) does not change the number of pages": following the chapter's warning about servers that ignore `_page`, it stops (and returns what it has) as soon as a non-empty page is identical to the one before, so a list whose consecutive pages really hold the same items is cut short; otherwise it asks exactly the pages the first `X-Total-Count` needs, one at a time, with the contract's errors.

use std::num::NonZeroU32;

use reqwest::{Client, Response};
use serde_json::Value;

use crate::PagingError;

/// The `X-Total-Count` header as a number, if it is there and is one.
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
    let mut items = Vec::new();
    let mut previous: Vec<Value> = Vec::new();
    let mut page: u32 = 1;
    let mut pages: u64 = 1; // until page 1's answer says otherwise
    while u64::from(page) <= pages {
        let response = client
            .get(&url)
            .query(&[("_page", page), ("_limit", page_size.get())])
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
        }
        let page_items = response.json::<Vec<Value>>().await?;
        // The chapter's pitfall: a server that ignores `_page` answers every request with the
        // same list. A page identical to the one before means we are being served the same
        // slice again: stop rather than collect copies of it.
        if page > 1 && !page_items.is_empty() && page_items == previous {
            break;
        }
        items.extend(page_items.iter().cloned());
        previous = page_items;
        page += 1;
    }
    Ok(items)
}
