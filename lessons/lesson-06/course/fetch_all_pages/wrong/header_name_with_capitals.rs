//! Wrong: looks for the header by comparing names with `"X-Total-Count"`, as a Python dict
//! would: header names are case-insensitive, HTTP/1 sends them in lower case, and `as_str()`
//! gives them in lower case, so the total is never found.

use std::num::NonZeroU32;

use reqwest::{Client, Response};
use serde_json::Value;

use crate::{MAX_PAGES, PagingError};

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

fn total_count(response: &Response) -> Option<u64> {
    let (_, value) = response
        .headers()
        .iter()
        .find(|(name, _)| name.as_str() == "X-Total-Count")?;
    value.to_str().ok()?.parse().ok()
}
