//! Correct, written another way: a `loop` that breaks after the last page, the total checked
//! with `checked_*` arithmetic, a cloned client and `client.request(Method::GET, ..)`.

use std::num::NonZeroU32;

use reqwest::{Client, Method};
use serde_json::Value;

use crate::{MAX_PAGES, PagingError};

pub async fn fetch_all_pages(
    client: &Client,
    base_url: &str,
    resource: &str,
    page_size: NonZeroU32,
) -> Result<Vec<Value>, PagingError> {
    let client = client.clone();
    let url = format!("{base_url}/{resource}");
    let size = u64::from(page_size.get());
    let mut all: Vec<Value> = Vec::new();
    let mut last: u64 = 0;
    let mut page: u64 = 1;
    loop {
        let response = client
            .request(Method::GET, &url)
            .query(&[("_page", page), ("_limit", size)])
            .send()
            .await?;
        let response = match response.error_for_status() {
            Ok(response) => response,
            Err(err) => return Err(PagingError::Http(err)),
        };
        if page == 1 {
            let total = response
                .headers()
                .get_all("x-total-count")
                .iter()
                .next()
                .and_then(|value| value.to_str().ok()?.parse::<u64>().ok());
            let Some(total) = total else {
                return Err(PagingError::NoTotalCount {
                    url: response.url().as_str().to_owned(),
                });
            };
            let full = total / size;
            last = if total % size == 0 { full } else { full + 1 };
            if last > MAX_PAGES {
                return Err(PagingError::TooManyPages {
                    url: response.url().as_str().to_owned(),
                    total,
                    pages: last,
                });
            }
        }
        let mut batch = response.json::<Vec<Value>>().await?;
        all.append(&mut batch);
        if page >= last {
            break;
        }
        page += 1;
    }
    Ok(all)
}
