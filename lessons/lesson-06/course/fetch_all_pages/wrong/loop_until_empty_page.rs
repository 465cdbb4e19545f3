//! Wrong: asks for pages until one comes back empty: every item arrives, at the cost of one
//! request too many, and against a server that does not page it never stops.

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
    let mut page = 1;
    loop {
        let batch = client
            .get(format!("{base_url}/{resource}"))
            .query(&[("_page", page), ("_limit", page_size.get())])
            .send()
            .await?
            .error_for_status()?
            .json::<Vec<Value>>()
            .await?;
        if batch.is_empty() {
            return Ok(items);
        }
        items.extend(batch);
        page += 1;
    }
}
