//! Wrong: builds the query string by hand and misspells `_limit`, so the server pages by its
//! default of 10 while the page count assumes `page_size`.

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
            .get(format!(
                "{base_url}/{resource}?_page={page}&limit={page_size}"
            ))
            .send()
            .await?
            .error_for_status()?;
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
        items.extend(response.json::<Vec<Value>>().await?);
        page += 1;
    }
    Ok(items)
}
