//! Wrong: breaks "an error status on any page (4xx or 5xx, checked before anything else is read, the header included) ... is `Err(PagingError::Http(..))`"
//! `error_for_status` sits inside the `if page == 1` block, next to the header it protects (as
//! `fetch_page`'s comment puts it: "a 500's missing X-Total-Count is not the problem"). Later
//! pages go straight to `.json()`, so an error page is an error only when its body is not a
//! JSON list: a 500 with an empty or `{"error": ..}` body still ends the walk with `Http`, and
//! no further request, but a `503` or `404` whose body is `[]` (or a list of anything) is taken
//! as a page, its items kept, and the walk goes on to the next page.
//! A learner writes it because the status check looks like part of reading the total, and
//! every failing later page they try (wiremock's bare `ResponseTemplate::new(500)`) is caught.

use std::num::NonZeroU32;

use reqwest::Client;
use serde_json::Value;

use crate::{MAX_PAGES, PagingError, page_count};

/// Every item of `resource`, fetched `page_size` at a time, in order.
pub async fn fetch_all_pages(
    client: &Client,
    base_url: &str,
    resource: &str,
    page_size: NonZeroU32,
) -> Result<Vec<Value>, PagingError> {
    let mut items = Vec::new();
    let mut page: u32 = 1;
    let mut pages: u64 = 1;
    while u64::from(page) <= pages {
        let mut response = client
            .get(format!("{base_url}/{resource}"))
            .query(&[("_page", page), ("_limit", page_size.get())])
            .send()
            .await?;
        if page == 1 {
            // The status first: a 500's missing header is not the problem.
            response = response.error_for_status()?;
            let total = response
                .headers()
                .get("x-total-count")
                .and_then(|value| value.to_str().ok())
                .and_then(|text| text.trim().parse::<u64>().ok())
                .ok_or_else(|| PagingError::NoTotalCount {
                    url: response.url().to_string(),
                })?;
            pages = page_count(total, page_size);
            if pages > MAX_PAGES {
                return Err(PagingError::TooManyPages {
                    url: response.url().to_string(),
                    total,
                    pages,
                });
            }
        }
        // A failed page has no list in its body, so this `?` stops the walk.
        items.extend(response.json::<Vec<Value>>().await?);
        page += 1;
    }
    Ok(items)
}
