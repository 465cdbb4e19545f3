//! Wrong: breaks "`url` being that answer's URL (`response.url()`)"
//! The request is built first (`.build()`), its URL kept for the error messages, and then sent
//! with `client.execute`. For a plain answer the two URLs are the same string, so every
//! `NoTotalCount` and `TooManyPages` looks right; but when page 1 is redirected, the answer
//! that lacks the header (or claims too many items) is at another URL, and the error names the
//! URL that was asked for instead of the one that answered.

use std::num::NonZeroU32;

use reqwest::{Client, Response};
use serde_json::Value;

use crate::{MAX_PAGES, PagingError, page_count};

/// The `X-Total-Count` header as a number, if it is there and is one.
fn total_count(response: &Response) -> Option<u64> {
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
    let mut items = Vec::new();
    let mut page: u32 = 1;
    let mut pages: u64 = 1;
    while u64::from(page) <= pages {
        // Built first, so that the URL (query included) is at hand for the error messages.
        let request = client
            .get(format!("{base_url}/{resource}"))
            .query(&[("_page", page), ("_limit", page_size.get())])
            .build()?;
        let url = request.url().to_string();
        let response = client.execute(request).await?.error_for_status()?;
        if page == 1 {
            let total = total_count(&response)
                .ok_or_else(|| PagingError::NoTotalCount { url: url.clone() })?;
            pages = page_count(total, page_size);
            if pages > MAX_PAGES {
                return Err(PagingError::TooManyPages { url, total, pages });
            }
        }
        items.extend(response.json::<Vec<Value>>().await?);
        page += 1;
    }
    Ok(items)
}
