//! Wrong: reuses the lesson's `fetch_page` for every page and recounts the pages from each
//! answer's total: a later answer without the header fails the walk, and one with another
//! total changes how many pages are asked for.

use std::num::NonZeroU32;

use reqwest::Client;
use serde_json::Value;

use crate::{MAX_PAGES, Page, PagingError, fetch_page, page_count};

pub async fn fetch_all_pages(
    client: &Client,
    base_url: &str,
    resource: &str,
    page_size: NonZeroU32,
) -> Result<Vec<Value>, PagingError> {
    let mut items = Vec::new();
    let mut page: u32 = 1;
    loop {
        let fetched: Page<Value> = fetch_page(client, base_url, resource, page, page_size).await?;
        let pages = page_count(fetched.total, page_size);
        if pages > MAX_PAGES {
            return Err(PagingError::TooManyPages {
                url: format!("{base_url}/{resource}?_page={page}&_limit={page_size}"),
                total: fetched.total,
                pages,
            });
        }
        items.extend(fetched.items);
        if u64::from(page) >= pages {
            return Ok(items);
        }
        page += 1;
    }
}
