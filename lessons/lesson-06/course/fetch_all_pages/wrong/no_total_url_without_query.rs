//! Wrong: breaks "`Err(PagingError::NoTotalCount { url })`, `url` being that answer's URL (`response.url()`)": the error carries the URL the function built, `format!("{base_url}/{resource}")`, which lacks the `?_page=1&_limit=…` that was actually asked for (and any redirect the answer followed); the variant, the single request and every other rule are right, and `TooManyPages` does use `response.url()`.

use std::num::NonZeroU32;

use reqwest::Client;
use serde_json::Value;

use crate::PagingError;

/// Every item of `resource`, fetched `page_size` at a time, in order.
pub async fn fetch_all_pages(
    client: &Client,
    base_url: &str,
    resource: &str,
    page_size: NonZeroU32,
) -> Result<Vec<Value>, PagingError> {
    let url = format!("{base_url}/{resource}");
    let first = client
        .get(&url)
        .query(&[("_page", 1), ("_limit", page_size.get())])
        .send()
        .await?
        .error_for_status()?;
    let Some(total) = first
        .headers()
        .get("x-total-count")
        .and_then(|value| value.to_str().ok())
        .and_then(|text| text.parse::<u64>().ok())
    else {
        // Name the list whose total is missing.
        return Err(PagingError::NoTotalCount { url });
    };
    let pages = total.div_ceil(u64::from(page_size.get()));
    if pages > crate::MAX_PAGES {
        return Err(PagingError::TooManyPages {
            url: first.url().to_string(),
            total,
            pages,
        });
    }
    let mut items = first.json::<Vec<Value>>().await?;
    for page in 2..=pages {
        let more = client
            .get(&url)
            .query(&[("_page", page), ("_limit", u64::from(page_size.get()))])
            .send()
            .await?
            .error_for_status()?
            .json::<Vec<Value>>()
            .await?;
        items.extend(more);
    }
    Ok(items)
}
