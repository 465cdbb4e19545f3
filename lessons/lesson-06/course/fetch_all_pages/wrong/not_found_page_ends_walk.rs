//! Wrong: breaks "an error status on any page (4xx or 5xx ...) ... is `Err(PagingError::Http(..))`: the walk stops there, asks for no further page, and returns no partial list": a 404 on page 2 or later is taken as the end of the list (as Django REST framework answers a page past the end), and the walk returns `Ok` with the items so far; a 404 on page 1 and every other error status on any page are `Err`, and the URLs, page count, cap and items are as the contract says.

use std::num::NonZeroU32;

use reqwest::{Client, Response, StatusCode};
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
    let mut items = Vec::new();
    let mut page: u32 = 1;
    // One page until the first answer says how many there are.
    let mut pages: u64 = 1;
    while u64::from(page) <= pages {
        let response = client
            .get(&url)
            .query(&[("_page", page), ("_limit", page_size.get())])
            .send()
            .await?;
        // The list can shrink while we walk it, and a paginated API answers a page past its
        // end with 404 ("Invalid page." in Django REST framework): nothing more to fetch.
        // On page 1 it means the resource itself is missing, which is an error.
        if page > 1 && response.status() == StatusCode::NOT_FOUND {
            break;
        }
        let response = response.error_for_status()?;
        if page == 1 {
            let total = total_count(&response).ok_or_else(|| PagingError::NoTotalCount {
                url: response.url().to_string(),
            })?;
            pages = total.div_ceil(u64::from(page_size.get()));
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

/// The `X-Total-Count` header as a number, if it is there and is one.
fn total_count(response: &Response) -> Option<u64> {
    let value = response.headers().get("x-total-count")?;
    value.to_str().ok()?.trim().parse().ok()
}
