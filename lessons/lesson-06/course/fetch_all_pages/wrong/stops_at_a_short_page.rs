//! Wrong: the Python habit `if len(batch) < limit: break`: no total at all, so an exact
//! multiple costs an empty extra page, and a short page in the middle ends the walk early.

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
        let batch = response.json::<Vec<Value>>().await?;
        let short = batch.len() < page_size.get() as usize;
        items.extend(batch);
        if short {
            break;
        }
        pages += 1;
        page += 1;
    }
    Ok(items)
}
