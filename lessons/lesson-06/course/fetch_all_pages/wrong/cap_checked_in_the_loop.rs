//! Wrong: breaks "a total that needs more than `crate::MAX_PAGES` (1,000) pages of `page_size` is `Err(PagingError::TooManyPages { url, total, pages })`, and no further request": the bound is a guard at the top of the page loop, the way a `while` loop gets a safety valve, so a total that is too large is refused only after pages 2 to 1,000 have been asked for.

use std::num::NonZeroU32;

use reqwest::{Client, Response};
use serde_json::Value;

use crate::{MAX_PAGES, PagingError, page_count};

/// The first answer's `X-Total-Count`, if it is a whole number.
fn total_of(response: &Response) -> Option<u64> {
    response
        .headers()
        .get("x-total-count")?
        .to_str()
        .ok()?
        .trim()
        .parse()
        .ok()
}

/// Every item of `resource`, fetched `page_size` at a time, in order.
pub async fn fetch_all_pages(
    client: &Client,
    base_url: &str,
    resource: &str,
    page_size: NonZeroU32,
) -> Result<Vec<Value>, PagingError> {
    let list_url = format!("{base_url}/{resource}");
    let size = page_size.get();

    let first = client
        .get(&list_url)
        .query(&[("_page", 1u32), ("_limit", size)])
        .send()
        .await?
        .error_for_status()?;
    let first_url = first.url().to_string();
    let total = total_of(&first).ok_or_else(|| PagingError::NoTotalCount {
        url: first_url.clone(),
    })?;
    let pages = page_count(total, page_size);
    let mut items = first.json::<Vec<Value>>().await?;

    let mut page: u64 = 2;
    while page <= pages {
        if page > MAX_PAGES {
            return Err(PagingError::TooManyPages {
                url: first_url,
                total,
                pages,
            });
        }
        let number = u32::try_from(page).unwrap_or(u32::MAX);
        let page_items = client
            .get(&list_url)
            .query(&[("_page", number), ("_limit", size)])
            .send()
            .await?
            .error_for_status()?
            .json::<Vec<Value>>()
            .await?;
        items.extend(page_items);
        page += 1;
    }
    Ok(items)
}
