//! Wrong: breaks "`base_url` may end in a path (`…/api/v1`), which stays in every URL": the list's URL is built with `Url::parse(base_url)?.join(resource)` (no leading slash, so it looks safe, and it copes with a trailing `/`), but a base without a trailing slash has its last segment replaced: `http://host/api/v1` + `todos` is `http://host/api/todos`; a bare `http://host:port` base works.

use std::num::NonZeroU32;

use reqwest::{Client, Url};
use serde_json::Value;

use crate::{MAX_PAGES, PagingError};

/// Every item of `resource`, fetched `page_size` at a time, in order.
pub async fn fetch_all_pages(
    client: &Client,
    base_url: &str,
    resource: &str,
    page_size: NonZeroU32,
) -> Result<Vec<Value>, PagingError> {
    // `join` rather than `format!`: no doubled `/` when `base_url` ends in one.
    let url: Url = Url::parse(base_url)
        .and_then(|base| base.join(resource))
        .expect("base_url is an absolute URL and resource a relative path");
    let size = page_size.get();

    let first = client
        .get(url.clone())
        .query(&[("_page", 1), ("_limit", size)])
        .send()
        .await?
        .error_for_status()?;
    let total = first
        .headers()
        .get("x-total-count")
        .and_then(|value| value.to_str().ok())
        .and_then(|text| text.parse::<u64>().ok())
        .ok_or_else(|| PagingError::NoTotalCount {
            url: first.url().to_string(),
        })?;
    let pages = total.div_ceil(u64::from(size));
    if pages > MAX_PAGES {
        return Err(PagingError::TooManyPages {
            url: first.url().to_string(),
            total,
            pages,
        });
    }

    let mut items = first.json::<Vec<Value>>().await?;
    for page in 2..=pages as u32 {
        let more = client
            .get(url.clone())
            .query(&[("_page", page), ("_limit", size)])
            .send()
            .await?
            .error_for_status()?
            .json::<Vec<Value>>()
            .await?;
        items.extend(more);
    }
    Ok(items)
}
