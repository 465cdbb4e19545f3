//! Wrong: breaks "each request is `GET {base_url}/{resource}?_page=P&_limit={page_size}`": every page also asks for `_sort=id`, the experienced API user's guard against unstable paging (a list sliced into pages without a fixed order can repeat or skip items between two requests), which json-server understands, so the server is asked for a sorted list instead of the list as it is.
//!
//! The walk itself is the reference's: the first answer's total, pages 1 to ceil(total /
//! page_size) one at a time, the items of each page as sent, every error where it belongs.
//! Only the query differs, by one parameter the checks may not look for when they read `_page`
//! and `_limit`: a mock that ignores `_sort` answers the same. json-server and JSONPlaceholder
//! honour it: against them the items come back in id order, not in the list's own order (the
//! contract wants them "as the server sent them" for the request it describes, which has no
//! sort), and a list whose items have no `id` comes back in an order the server chose.

use std::num::NonZeroU32;

use reqwest::Client;
use serde_json::Value;

use crate::PagingError;

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
            // A fixed order, so that no item moves from one page to the next during the walk.
            .query(&[("_sort", "id")])
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

/// The `X-Total-Count` header as a number, if it is there and is one.
fn total_count(response: &reqwest::Response) -> Option<u64> {
    response
        .headers()
        .get("x-total-count")?
        .to_str()
        .ok()?
        .trim()
        .parse()
        .ok()
}
