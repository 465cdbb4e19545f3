//! Correct, written another way: a cursor struct with an async `next_page` method (a Python iterator's `__anext__` in Rust clothes) that learns its last page from page 1's answer, refuses an oversized plan before asking for page 2, and returns `None` once the plan is done; the function only drains it.

use std::num::NonZeroU32;

use reqwest::{Client, Response};
use serde_json::Value;

use crate::PagingError;

/// Walks the pages of one list, one `next_page` call per request.
struct Pager<'a> {
    client: &'a Client,
    list_url: String,
    page_size: NonZeroU32,
    next: u32,
    last: Option<u32>,
}

impl Pager<'_> {
    /// The items of the next page, or `None` once the last one has been read.
    async fn next_page(&mut self) -> Result<Option<Vec<Value>>, PagingError> {
        if self.last.is_some_and(|last| self.next > last) {
            return Ok(None);
        }
        let response = self
            .client
            .get(&self.list_url)
            .query(&[("_page", self.next), ("_limit", self.page_size.get())])
            .send()
            .await?
            .error_for_status()?;
        if self.last.is_none() {
            self.last = Some(self.plan(&response)?);
        }
        let items = response.json::<Vec<Value>>().await?;
        self.next += 1;
        Ok(Some(items))
    }

    /// How many pages the first answer's `X-Total-Count` calls for, within the bound.
    fn plan(&self, response: &Response) -> Result<u32, PagingError> {
        let total = response
            .headers()
            .get("x-total-count")
            .and_then(|value| value.to_str().ok())
            .and_then(|text| text.trim().parse::<u64>().ok())
            .ok_or_else(|| PagingError::NoTotalCount {
                url: response.url().to_string(),
            })?;
        let pages = crate::page_count(total, self.page_size);
        if pages > crate::MAX_PAGES {
            return Err(PagingError::TooManyPages {
                url: response.url().to_string(),
                total,
                pages,
            });
        }
        Ok(u32::try_from(pages).unwrap_or(u32::MAX))
    }
}

/// Every item of `resource`, fetched `page_size` at a time, in order.
pub async fn fetch_all_pages(
    client: &Client,
    base_url: &str,
    resource: &str,
    page_size: NonZeroU32,
) -> Result<Vec<Value>, PagingError> {
    let mut pager = Pager {
        client,
        list_url: format!("{base_url}/{resource}"),
        page_size,
        next: 1,
        last: None,
    };
    let mut items = Vec::new();
    while let Some(page) = pager.next_page().await? {
        items.extend(page);
    }
    Ok(items)
}
