//! Wrong: breaks "a first answer without `X-Total-Count`, or with one that is not a whole number from 0 to `u64::MAX` (`-6`, `2.5`, `many`, an empty value), is `Err(PagingError::NoTotalCount { url })`": when `X-Total-Count` is missing it takes GitLab's `X-Total` instead, so a first answer with `X-Total: 50` and no `X-Total-Count` walks the pages that header implies instead of failing; with no total header at all, or an invalid `X-Total-Count`, it is `NoTotalCount` with `response.url()` as it should be, and the walk is otherwise the reference's.

use std::num::NonZeroU32;

use reqwest::{Client, Response};
use serde_json::Value;

use crate::PagingError;

/// The list's total, if the answer says it. json-server (and JSONPlaceholder) call the header
/// `X-Total-Count`; GitLab and a few other APIs call it `X-Total`. Take either.
fn total_count(response: &Response) -> Option<u64> {
    let headers = response.headers();
    let value = headers
        .get("x-total-count")
        .or_else(|| headers.get("x-total"))?;
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
    let mut page: u32 = 1;
    let mut pages: u64 = 1;

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

        items.extend(response.json::<Vec<Value>>().await?);
        page += 1;
    }
    Ok(items)
}
