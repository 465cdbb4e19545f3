//! Wrong: breaks "the walk stops there, asks for no further page, and returns no partial list": each page's outcome is pushed into a `Vec<Result<..>>` and the `Result`s are collected only at the end (the iterator idiom `collect::<Result<Vec<_>, _>>()`), so a failing page 3 of 5 still returns that page's error and no items, but only after pages 4 and 5 have been asked for.

use std::num::NonZeroU32;

use reqwest::{Client, Response};
use serde_json::Value;

use crate::{MAX_PAGES, PagingError, page_count};

/// The first answer's `X-Total-Count`, if it is a whole number.
fn total_of(response: &Response) -> Option<u64> {
    response
        .headers()
        .get("x-total-count")?
        .to_str()
        .ok()?
        .trim()
        .parse()
        .ok()
}

/// The items of one page after page 1.
async fn page_items(
    client: &Client,
    list_url: &str,
    page: u32,
    size: u32,
) -> Result<Vec<Value>, reqwest::Error> {
    client
        .get(list_url)
        .query(&[("_page", page), ("_limit", size)])
        .send()
        .await?
        .error_for_status()?
        .json::<Vec<Value>>()
        .await
}

/// Every item of `resource`, fetched `page_size` at a time, in order.
pub async fn fetch_all_pages(
    client: &Client,
    base_url: &str,
    resource: &str,
    page_size: NonZeroU32,
) -> Result<Vec<Value>, PagingError> {
    let list_url = format!("{base_url}/{resource}");
    let size = page_size.get();

    let first = client
        .get(&list_url)
        .query(&[("_page", 1u32), ("_limit", size)])
        .send()
        .await?
        .error_for_status()?;
    let total = total_of(&first).ok_or_else(|| PagingError::NoTotalCount {
        url: first.url().to_string(),
    })?;
    let pages = page_count(total, page_size);
    if pages > MAX_PAGES {
        return Err(PagingError::TooManyPages {
            url: first.url().to_string(),
            total,
            pages,
        });
    }

    let mut outcomes: Vec<Result<Vec<Value>, reqwest::Error>> = vec![first.json().await];
    for page in 2..=pages {
        let number = u32::try_from(page).unwrap_or(u32::MAX);
        outcomes.push(page_items(client, &list_url, number, size).await);
    }
    let pages_read: Vec<Vec<Value>> = outcomes.into_iter().collect::<Result<_, _>>()?;
    Ok(pages_read.concat())
}
