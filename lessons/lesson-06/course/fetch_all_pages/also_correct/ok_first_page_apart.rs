//! Correct, written another way: page 1 is fetched before the loop and its head read there, the refusal is `total > MAX_PAGES * page_size` (the same test as "more than MAX_PAGES pages", with no division), the two query parameters come from two `.query` calls (each appends), pages 2.. are numbered in `u64`, and the pages are kept apart and flattened at the end.

use std::num::NonZeroU32;

use reqwest::{Client, Response};
use serde_json::Value;

use crate::PagingError;

/// `GET {base_url}/{resource}?_page={number}&_limit={page_size}`, with an error status
/// already turned into an error (before anything of the answer is read).
async fn page(
    client: &Client,
    base_url: &str,
    resource: &str,
    number: u64,
    page_size: NonZeroU32,
) -> Result<Response, reqwest::Error> {
    client
        .get(format!("{base_url}/{resource}"))
        .query(&[("_page", number)])
        .query(&[("_limit", page_size.get())])
        .send()
        .await?
        .error_for_status()
}

/// `X-Total-Count` as a whole number from 0 to `u64::MAX`, if the answer has one.
fn total_of(response: &Response) -> Option<u64> {
    let text = response.headers().get("x-total-count")?.to_str().ok()?;
    text.trim().parse::<u64>().ok()
}

/// Every item of `resource`, fetched `page_size` at a time, in order.
pub async fn fetch_all_pages(
    client: &Client,
    base_url: &str,
    resource: &str,
    page_size: NonZeroU32,
) -> Result<Vec<Value>, PagingError> {
    let first = page(client, base_url, resource, 1, page_size).await?;
    let Some(total) = total_of(&first) else {
        return Err(PagingError::NoTotalCount {
            url: first.url().to_string(),
        });
    };

    // More than MAX_PAGES pages exactly when the total is more than MAX_PAGES full pages.
    // (1,000 times a u32 fits in a u64 with room to spare.)
    let size = u64::from(page_size.get());
    if total > crate::MAX_PAGES * size {
        return Err(PagingError::TooManyPages {
            url: first.url().to_string(),
            total,
            pages: crate::page_count(total, page_size),
        });
    }
    let last = crate::page_count(total, page_size);

    // Page 1's items (read even for a total of 0), then pages 2..=last, one at a time.
    let mut pages: Vec<Vec<Value>> = vec![first.json().await?];
    for number in 2..=last {
        let response = page(client, base_url, resource, number, page_size).await?;
        pages.push(response.json().await?);
    }
    Ok(pages.into_iter().flatten().collect())
}
