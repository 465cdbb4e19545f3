//! Wrong: breaks "Later answers' `X-Total-Count` is not read": each later page's header, when present and a number, may lower the page count (`pages = pages.min(…)`, "the list shrank while we walked it: stop at its new end"), so a later answer that says a smaller total cuts the walk short; a later total that is larger, missing or garbage changes nothing, as the contract wants.

use std::num::NonZeroU32;

use reqwest::{Client, Response};
use serde_json::Value;

use crate::{MAX_PAGES, PagingError};

fn total_of(response: &Response) -> Option<u64> {
    response
        .headers()
        .get("x-total-count")?
        .to_str()
        .ok()?
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
    let url = format!("{base_url}/{resource}");
    let size = page_size.get();

    let first = client
        .get(&url)
        .query(&[("_page", 1), ("_limit", size)])
        .send()
        .await?
        .error_for_status()?;
    let total = total_of(&first).ok_or_else(|| PagingError::NoTotalCount {
        url: first.url().to_string(),
    })?;
    let mut pages = total.div_ceil(u64::from(size));
    if pages > MAX_PAGES {
        return Err(PagingError::TooManyPages {
            url: first.url().to_string(),
            total,
            pages,
        });
    }

    let mut items = first.json::<Vec<Value>>().await?;
    let mut page: u64 = 1;
    while page < pages {
        page += 1;
        let response = client
            .get(&url)
            .query(&[("_page", page as u32), ("_limit", size)])
            .send()
            .await?
            .error_for_status()?;
        // Lists change while they are walked: if this answer counts fewer items, the pages
        // past the new end are empty, so do not ask for them. (Never more than page 1 said:
        // that is the bound we checked.)
        if let Some(now) = total_of(&response) {
            pages = pages.min(now.div_ceil(u64::from(size)));
        }
        items.extend(response.json::<Vec<Value>>().await?);
    }
    Ok(items)
}
