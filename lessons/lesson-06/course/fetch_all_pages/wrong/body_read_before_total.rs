//! Wrong: breaks "a first answer without `X-Total-Count`, or with one that is not a whole number from 0 to `u64::MAX` (`-6`, `2.5`, `many`, an empty value), is `Err(PagingError::NoTotalCount { url })`"
//! Every page goes through one helper that does the whole turn: send, check the status, keep a
//! copy of the head (headers and URL, cloned "because `.json()` consumes the response"), read
//! the body as a list, and hand back all three. The loop then looks at page 1's copied headers
//! for the total. The status still comes first, every header rule, bound, count and URL is
//! right, and a missing or garbled total with a list for a body is `NoTotalCount` as it should
//! be. But the body is decoded before the header is looked at: a first answer that has no usable
//! `X-Total-Count` *and* a body that is not a JSON list (an HTML page from a server that does not
//! page at all, say) comes back as `Err(Http)` instead of `NoTotalCount`, and the same goes for
//! a too-large total over such a body, which is `Err(Http)` instead of `TooManyPages`.

use std::num::NonZeroU32;

use reqwest::header::HeaderMap;
use reqwest::{Client, Url};
use serde_json::Value;

use crate::{MAX_PAGES, PagingError};

/// Every item of `resource`, fetched `page_size` at a time, in order.
pub async fn fetch_all_pages(
    client: &Client,
    base_url: &str,
    resource: &str,
    page_size: NonZeroU32,
) -> Result<Vec<Value>, PagingError> {
    let list = format!("{base_url}/{resource}");
    let limit = page_size.get();

    let mut items = Vec::new();
    let mut page: u32 = 1;
    let mut pages: u64 = 1; // until page 1's header says otherwise
    while u64::from(page) <= pages {
        let (headers, url, mut body) = get_page(client, &list, page, limit).await?;
        if page == 1 {
            let total = total_count(&headers).ok_or_else(|| PagingError::NoTotalCount {
                url: url.to_string(),
            })?;
            pages = total.div_ceil(u64::from(limit));
            if pages > MAX_PAGES {
                return Err(PagingError::TooManyPages {
                    url: url.to_string(),
                    total,
                    pages,
                });
            }
        }
        items.append(&mut body);
        page += 1;
    }
    Ok(items)
}

/// One whole turn of the walk: the page's headers and URL (copied before `.json()` takes the
/// response) and its items.
async fn get_page(
    client: &Client,
    list: &str,
    page: u32,
    limit: u32,
) -> Result<(HeaderMap, Url, Vec<Value>), reqwest::Error> {
    let response = client
        .get(list)
        .query(&[("_page", page), ("_limit", limit)])
        .send()
        .await?
        .error_for_status()?;
    let headers = response.headers().clone();
    let url = response.url().clone();
    let items = response.json::<Vec<Value>>().await?;
    Ok((headers, url, items))
}

/// `X-Total-Count` as a whole number, if it is there and is one.
fn total_count(headers: &HeaderMap) -> Option<u64> {
    headers
        .get("x-total-count")?
        .to_str()
        .ok()?
        .trim()
        .parse()
        .ok()
}
