//! Correct, written another way: each request built with `.build()` and sent with
//! `client.execute`, the query given as text, the page count kept in an `Option` until page 1
//! is in, and a pause between pages that awaits (`yield_now`, which lets other tasks run, as
//! `tokio::time::sleep` would).

use std::num::NonZeroU32;

use reqwest::Client;
use reqwest::header::HeaderName;
use serde_json::Value;

use crate::{MAX_PAGES, PagingError};

const TOTAL: HeaderName = HeaderName::from_static("x-total-count");

pub async fn fetch_all_pages(
    client: &Client,
    base_url: &str,
    resource: &str,
    page_size: NonZeroU32,
) -> Result<Vec<Value>, PagingError> {
    let mut items = Vec::new();
    let mut last_page: Option<u64> = None;
    let mut page: u64 = 1;
    while last_page.is_none_or(|last| page <= last) {
        if page > 1 {
            tokio::task::yield_now().await;
        }
        let page_text = page.to_string();
        let size_text = page_size.to_string();
        let request = client
            .get(format!("{base_url}/{resource}"))
            .query(&[
                ("_page", page_text.as_str()),
                ("_limit", size_text.as_str()),
            ])
            .build()?;
        let response = client.execute(request).await?.error_for_status()?;
        if last_page.is_none() {
            let url = response.url().to_string();
            let Some(total) = response
                .headers()
                .get(&TOTAL)
                .and_then(|value| value.to_str().ok())
                .and_then(|text| text.parse::<u64>().ok())
            else {
                return Err(PagingError::NoTotalCount { url });
            };
            let pages = total.div_ceil(u64::from(page_size.get()));
            if pages > MAX_PAGES {
                return Err(PagingError::TooManyPages { url, total, pages });
            }
            last_page = Some(pages);
        }
        let batch = response.json::<Vec<Value>>().await?;
        items.extend(batch);
        page += 1;
    }
    Ok(items)
}
