//! Wrong: breaks "a first answer without `X-Total-Count`, or with one that is not a whole number from 0 to `u64::MAX` (`-6`, `2.5`, `many`, an empty value), is `Err(PagingError::NoTotalCount { url })`"
//! A header of twenty digits or more (`18446744073709551616`, `99999999999999999999999`) is
//! read as the largest total there is, `u64::MAX`, and refused as `TooManyPages` instead of
//! `NoTotalCount`: `parse::<u64>` says `PosOverflow`, and the learner reasoned that "a whole
//! number too big for a u64" is certainly too many items to fetch, so the more telling error is
//! `TooManyPages`. Every total the contract lists (`-6`, `2.5`, `many`, empty, `u64::MAX`
//! itself) behaves as the reference does, and both errors stop after the one request, so only
//! a check with a total past `u64::MAX` tells them apart.

use std::num::{IntErrorKind, NonZeroU32};

use reqwest::{Client, Response};
use serde_json::Value;

use crate::{MAX_PAGES, PagingError, page_count};

/// The first answer's `X-Total-Count`, or `None` when it is missing or not a whole number.
fn header_total(response: &Response) -> Option<u64> {
    let text = response
        .headers()
        .get("x-total-count")?
        .to_str()
        .ok()?
        .trim();
    match text.parse::<u64>() {
        Ok(total) => Some(total),
        // Digits only, just more of them than a u64 holds: a whole number all the same, and
        // far more than any walk fetches. Counted as the largest total, so the bound below
        // refuses it with the error that says why.
        Err(error) if *error.kind() == IntErrorKind::PosOverflow => Some(u64::MAX),
        Err(_) => None,
    }
}

/// Every item of `resource`, fetched `page_size` at a time, in order.
pub async fn fetch_all_pages(
    client: &Client,
    base_url: &str,
    resource: &str,
    page_size: NonZeroU32,
) -> Result<Vec<Value>, PagingError> {
    let url = format!("{base_url}/{resource}");
    let mut items = Vec::new();
    let mut page: u32 = 1;
    let mut pages: u64 = 1; // until page 1's answer says otherwise
    while u64::from(page) <= pages {
        let response = client
            .get(&url)
            .query(&[("_page", page), ("_limit", page_size.get())])
            .send()
            .await?
            .error_for_status()?;
        if page == 1 {
            let total = header_total(&response).ok_or_else(|| PagingError::NoTotalCount {
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
        items.extend(response.json::<Vec<Value>>().await?);
        page += 1;
    }
    Ok(items)
}
