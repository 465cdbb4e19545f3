//! Wrong: breaks "a body that is not a JSON list is `Err(PagingError::Http(..))` (...): the walk stops there, asks for no further page, and returns no partial list": a page answered `204 No Content` is taken as an empty page and the walk goes on, although its (absent) body is not a JSON list; every page answered with a body is read and checked as the contract says, and the requests, page count and other errors are right.

use std::num::NonZeroU32;

use reqwest::{Client, Response, StatusCode};
use serde_json::Value;

use crate::{MAX_PAGES, PagingError, page_count};

/// Every item of `resource`, fetched `page_size` at a time, in order.
pub async fn fetch_all_pages(
    client: &Client,
    base_url: &str,
    resource: &str,
    page_size: NonZeroU32,
) -> Result<Vec<Value>, PagingError> {
    let mut items = Vec::new();
    let mut page: u32 = 1;
    let mut pages: u64 = 1; // until page 1's answer says otherwise
    while u64::from(page) <= pages {
        let response = client
            .get(format!("{base_url}/{resource}"))
            .query(&[("_page", page), ("_limit", page_size.get())])
            .send()
            .await?
            .error_for_status()?;

        if page == 1 {
            let total = total_count(&response).ok_or_else(|| PagingError::NoTotalCount {
                url: response.url().to_string(),
            })?;
            pages = page_count(total, page_size);
            if pages > MAX_PAGES {
                return Err(PagingError::TooManyPages {
                    url: response.url().to_string(),
                    total,
                    pages,
                });
            }
        }

        // 204 No Content: the server says this page has nothing in it, and sends no body at
        // all, so there is nothing to decode. Any other success carries the page's list.
        if response.status() != StatusCode::NO_CONTENT {
            items.extend(response.json::<Vec<Value>>().await?);
        }
        page += 1;
    }
    Ok(items)
}

/// The `X-Total-Count` header as a whole number, if it is there and is one.
fn total_count(response: &Response) -> Option<u64> {
    response
        .headers()
        .get("x-total-count")?
        .to_str()
        .ok()?
        .parse()
        .ok()
}
