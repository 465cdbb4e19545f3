//! Wrong: breaks "each request is `GET {base_url}/{resource}?_page=P&_limit={page_size}` and no other parameter": when `page_size` is 10, json-server's own default page size, it sends `_page` alone to keep the URLs short, which the mock serves the same way but which is not the request the contract asks for.

use std::num::NonZeroU32;

use reqwest::{Client, RequestBuilder, Response};
use serde_json::Value;

use crate::{MAX_PAGES, PagingError, page_count};

/// The page size json-server uses when a request gives `_page` without `_limit`.
const SERVER_PAGE_SIZE: u32 = 10;

/// The request for one page: `_page`, and `_limit` unless it is the server's own default.
fn page_request(client: &Client, list_url: &str, page: u32, size: u32) -> RequestBuilder {
    let request = client.get(list_url).query(&[("_page", page)]);
    if size == SERVER_PAGE_SIZE {
        request
    } else {
        request.query(&[("_limit", size)])
    }
}

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
    let mut items = Vec::new();
    let mut page: u32 = 1;
    let mut pages: u64 = 1;
    while u64::from(page) <= pages {
        let response = page_request(client, &list_url, page, size)
            .send()
            .await?
            .error_for_status()?;
        if page == 1 {
            let total = total_of(&response).ok_or_else(|| PagingError::NoTotalCount {
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
        items.extend(response.json::<Vec<Value>>().await?);
        page += 1;
    }
    Ok(items)
}
