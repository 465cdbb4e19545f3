//! Wrong: keeps each id once, as "every item once" might suggest: an item the server sent on
//! two pages (a list that shifted) is lost, and the result is no longer what the pages held.

use std::collections::HashSet;
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
    let mut seen = HashSet::new();
    let mut page: u32 = 1;
    let mut pages: u64 = 1;
    while u64::from(page) <= pages {
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
            pages = total.div_ceil(u64::from(page_size.get()));
            if pages > MAX_PAGES {
                return Err(PagingError::TooManyPages {
                    url: response.url().to_string(),
                    total,
                    pages,
                });
            }
        }
        for item in response.json::<Vec<Value>>().await? {
            if seen.insert(item["id"].to_string()) {
                items.push(item);
            }
        }
        page += 1;
    }
    Ok(items)
}

fn total_count(response: &Response) -> Option<u64> {
    let value = response.headers().get("x-total-count")?;
    value.to_str().ok()?.trim().parse().ok()
}
