//! Wrong: reads `X-Total-Count` before checking the status, so a failed first page is
//! reported as a missing total instead of the error status it really was.

use std::num::NonZeroU32;

use reqwest::Client;
use serde_json::Value;

use crate::PagingError;

pub async fn fetch_all_pages(
    client: &Client,
    base_url: &str,
    resource: &str,
    page_size: NonZeroU32,
) -> Result<Vec<Value>, PagingError> {
    let mut items = Vec::new();
    let mut pages = 1;
    let mut page = 1;
    while page <= pages {
        let response = client
            .get(format!("{base_url}/{resource}"))
            .query(&[("_page", page), ("_limit", page_size.get())])
            .send()
            .await?;
        if page == 1 {
            let total: u32 = response
                .headers()
                .get("x-total-count")
                .and_then(|value| value.to_str().ok())
                .and_then(|text| text.parse().ok())
                .ok_or_else(|| PagingError::NoTotalCount {
                    url: response.url().to_string(),
                })?;
            pages = total.div_ceil(page_size.get());
        }
        items.extend(response.error_for_status()?.json::<Vec<Value>>().await?);
        page += 1;
    }
    Ok(items)
}
