//! Correct, written another way: the number of pages is an `Option<u64>` plan, `None` until the first answer is read, and the loop runs `while plan.is_none_or(|pages| page < pages)`, counting the page up at the top of each turn; the total is parsed from the header's bytes.

use std::num::NonZeroU32;

use lesson_06::{MAX_PAGES, PagingError, page_count};
use reqwest::Client;
use serde_json::Value;

/// Every item of `resource`, fetched `page_size` at a time, in order.
pub async fn fetch_all_pages(
    client: &Client,
    base_url: &str,
    resource: &str,
    page_size: NonZeroU32,
) -> Result<Vec<Value>, PagingError> {
    let mut items: Vec<Value> = Vec::new();
    // How many pages there are, once the first answer has said so.
    let mut plan: Option<u64> = None;
    let mut page: u32 = 0;

    while plan.is_none_or(|pages| u64::from(page) < pages) {
        page += 1;
        let response = client
            .get(format!("{base_url}/{resource}"))
            .query(&[("_page", page), ("_limit", page_size.get())])
            .send()
            .await?
            .error_for_status()?;

        if plan.is_none() {
            let total = response
                .headers()
                .get("x-total-count")
                .and_then(|value| std::str::from_utf8(value.as_bytes()).ok())
                .and_then(|text| text.trim().parse::<u64>().ok());
            let Some(total) = total else {
                return Err(PagingError::NoTotalCount {
                    url: response.url().to_string(),
                });
            };
            let pages = page_count(total, page_size);
            if pages > MAX_PAGES {
                return Err(PagingError::TooManyPages {
                    url: response.url().to_string(),
                    total,
                    pages,
                });
            }
            plan = Some(pages);
        }

        let mut these: Vec<Value> = response.json().await?;
        items.append(&mut these);
    }
    Ok(items)
}
