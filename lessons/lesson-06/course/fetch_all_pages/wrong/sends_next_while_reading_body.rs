//! Wrong: breaks "one page at a time, in order: page P+1 is asked for once page P's answer has been read"
//! The learner reads "answer" as the head (status and headers): once page P's head is in and
//! checked, page P+1's request goes out while page P's body is still being read, with
//! `tokio::join!` ("still one request waiting for its head at a time, and a round trip saved
//! per page"). The server never sees two requests in flight, since it has written page P whole
//! before its head reaches the client, and the items, their order, the request count of every
//! successful walk, the header rules and the errors on a status are all right. But page P+1 is
//! asked for before page P's body has been read: when that body is not a JSON list, the walk
//! still returns `Err(Http)` and no partial list, yet one further page has been requested.

use std::num::NonZeroU32;

use reqwest::{Client, Response};
use serde_json::Value;

use crate::PagingError;

/// Every item of `resource`, fetched `page_size` at a time, in order.
pub async fn fetch_all_pages(
    client: &Client,
    base_url: &str,
    resource: &str,
    page_size: NonZeroU32,
) -> Result<Vec<Value>, PagingError> {
    let url = format!("{base_url}/{resource}");
    let limit = page_size.get();
    let request = |page: u32| {
        client
            .get(&url)
            .query(&[("_page", page), ("_limit", limit)])
    };

    let first = request(1).send().await?.error_for_status()?;
    let total = total_count(&first).ok_or_else(|| PagingError::NoTotalCount {
        url: first.url().to_string(),
    })?;
    let pages = crate::page_count(total, page_size);
    if pages > crate::MAX_PAGES {
        return Err(PagingError::TooManyPages {
            url: first.url().to_string(),
            total,
            pages,
        });
    }

    let mut items = Vec::new();
    let mut current = first;
    let mut page: u32 = 1;
    loop {
        if u64::from(page) >= pages {
            // The last page (or the only one, for a total of 0): nothing to send next.
            items.extend(current.json::<Vec<Value>>().await?);
            return Ok(items);
        }
        // This page's body comes in while the next page's request goes out.
        let (body, next) = tokio::join!(current.json::<Vec<Value>>(), request(page + 1).send());
        items.extend(body?);
        current = next?.error_for_status()?;
        page += 1;
    }
}

/// The `X-Total-Count` header as a whole number, if it is there and is one.
fn total_count(response: &Response) -> Option<u64> {
    let value = response.headers().get("x-total-count")?;
    value.to_str().ok()?.parse().ok()
}
