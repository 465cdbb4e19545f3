//! Wrong: breaks "never a panic (not even for `X-Total-Count: 18446744073709551615`)"
//! The page count is the C idiom for rounding up, `(total + (page_size - 1)) / page_size`,
//! instead of `div_ceil`. For every real total it is the same number. With pages of 1 the
//! slack is 0, so even `X-Total-Count: 18446744073709551615` gives u64::MAX pages and a clean
//! `TooManyPages`; but with pages of 2 or more, a total within `page_size - 1` of u64::MAX
//! overflows the addition, which panics in a debug build (and wraps to a handful of pages,
//! then walks them, in release).

use std::num::NonZeroU32;

use reqwest::{Client, Response};
use serde_json::Value;

use crate::{MAX_PAGES, PagingError};

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
    let size = page_size.get();
    let mut items = Vec::new();
    let mut page: u32 = 1;
    let mut pages: u64 = 1;
    while u64::from(page) <= pages {
        let response = client
            .get(format!("{base_url}/{resource}"))
            .query(&[("_page", page), ("_limit", size)])
            .send()
            .await?
            .error_for_status()?;
        if page == 1 {
            let total = total_count(&response).ok_or_else(|| PagingError::NoTotalCount {
                url: response.url().to_string(),
            })?;
            // Round up: a partial last page is still a page. `page_size` is never 0, so the
            // slack cannot underflow.
            let per_page = u64::from(size);
            let slack = per_page - 1;
            pages = (total + slack) / per_page;
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
