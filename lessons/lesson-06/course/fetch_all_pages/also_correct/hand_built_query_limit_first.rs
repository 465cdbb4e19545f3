//! Correct, written another way: the query string written by hand, `_limit` before `_page`
//! (fine for numbers, which need no encoding; the order of parameters means nothing to the
//! server), and the total read with `str::parse` on the trimmed header.

use std::num::NonZeroU32;

use reqwest::Client;
use serde_json::Value;

use crate::{MAX_PAGES, PagingError};

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
                "{base_url}/{resource}?_limit={page_size}&_page={page}"
            ))
            .send()
            .await?
            .error_for_status()?;
        if page == 1 {
            let url = response.url().to_string();
            let total = match response.headers().get("x-total-count") {
                Some(value) => value.to_str().map(str::trim).unwrap_or("").parse::<u64>(),
                None => return Err(PagingError::NoTotalCount { url }),
            };
            let Ok(total) = total else {
                return Err(PagingError::NoTotalCount { url });
            };
            pages = total.div_ceil(u64::from(page_size.get()));
            if pages > MAX_PAGES {
                return Err(PagingError::TooManyPages { url, total, pages });
            }
        }
        items.extend(response.json::<Vec<Value>>().await?);
        page += 1;
    }
    Ok(items)
}
