//! Wrong: asks for pages until it holds as many items as the total: a short page (a list that
//! shrank) sends it on past the last page, forever, and an item on two pages ends it early.

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
    // The number of items wanted; at least one request.
    let mut wanted: u64 = 1;
    while (items.len() as u64) < wanted {
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
            wanted = total;
            if total.div_ceil(u64::from(page_size.get())) > MAX_PAGES {
                return Err(PagingError::TooManyPages {
                    url: response.url().to_string(),
                    total,
                    pages: total.div_ceil(u64::from(page_size.get())),
                });
            }
        }
        items.extend(response.json::<Vec<Value>>().await?);
        page += 1;
    }
    Ok(items)
}

fn total_count(response: &Response) -> Option<u64> {
    let value = response.headers().get("x-total-count")?;
    value.to_str().ok()?.trim().parse().ok()
}
