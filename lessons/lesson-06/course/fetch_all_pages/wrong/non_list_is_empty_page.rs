//! Wrong: breaks "a body that is not a JSON list is `Err(PagingError::Http(..))`: the walk stops there … and returns no partial list": each body is decoded as a `serde_json::Value` (a `reqwest::Error` for a `PagingError` is hard to make by hand) and anything other than an array (`{}`, `null`, an object with an `error` field) counts as an empty page, so the walk goes on and returns `Ok`; a body that is not JSON at all (HTML, plain text) is still an `Http` error, and everything else is right.

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
    let url = format!("{base_url}/{resource}");
    let mut all = Vec::new();
    let mut pages = 1;
    let mut page: u32 = 1;
    loop {
        let response = client
            .get(&url)
            .query(&[("_page", page), ("_limit", page_size.get())])
            .send()
            .await?
            .error_for_status()?;
        if page == 1 {
            let total = response
                .headers()
                .get("x-total-count")
                .and_then(|value| value.to_str().ok())
                .and_then(|text| text.parse::<u64>().ok())
                .ok_or_else(|| PagingError::NoTotalCount {
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
        // Some servers answer `{}` or `null` for a page with nothing on it: that is no items.
        if let Value::Array(items) = response.json::<Value>().await? {
            all.extend(items);
        }
        if u64::from(page) >= pages {
            break;
        }
        page += 1;
    }
    Ok(all)
}
