//! Wrong: counts pages from 0, as an index would; json-server reads `_page=0` as page 1, so
//! the first page arrives twice and the last one never.

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
    let url = format!("{base_url}/{resource}");
    let first = client
        .get(&url)
        .query(&[("_page", 0), ("_limit", page_size.get())])
        .send()
        .await?
        .error_for_status()?;
    let total: u32 = first
        .headers()
        .get("x-total-count")
        .and_then(|value| value.to_str().ok())
        .and_then(|text| text.parse().ok())
        .ok_or_else(|| PagingError::NoTotalCount {
            url: first.url().to_string(),
        })?;
    let mut items = first.json::<Vec<Value>>().await?;
    for page in 1..total.div_ceil(page_size.get()) {
        let batch = client
            .get(&url)
            .query(&[("_page", page), ("_limit", page_size.get())])
            .send()
            .await?
            .error_for_status()?
            .json::<Vec<Value>>()
            .await?;
        items.extend(batch);
    }
    Ok(items)
}
