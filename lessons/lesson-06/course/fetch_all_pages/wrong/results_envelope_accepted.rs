//! Wrong: breaks "a body that is not a JSON list is `Err(PagingError::Http(..))`": a page whose body is an object holding the list under `results` (Django REST Framework's pagination envelope, `{"count": …, "results": [...]}`) is taken as that list instead of failing; every other body, the requests, the page count from the first `X-Total-Count` and the errors follow the contract.

use std::num::NonZeroU32;

use reqwest::{Client, Response};
use serde::Deserialize;
use serde_json::Value;

use crate::PagingError;

/// A page's body: the JSON list itself, or the list inside a paginating API's envelope.
#[derive(Deserialize)]
#[serde(untagged)]
enum PageBody {
    List(Vec<Value>),
    Envelope { results: Vec<Value> },
}

impl PageBody {
    fn into_items(self) -> Vec<Value> {
        match self {
            PageBody::List(items) | PageBody::Envelope { results: items } => items,
        }
    }
}

/// The `X-Total-Count` header as a number, if it is there and is one.
fn total_count(response: &Response) -> Option<u64> {
    let value = response.headers().get("x-total-count")?;
    value.to_str().ok()?.trim().parse().ok()
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
            let total = total_count(&response).ok_or_else(|| PagingError::NoTotalCount {
                url: response.url().to_string(),
            })?;
            pages = crate::page_count(total, page_size);
            if pages > crate::MAX_PAGES {
                return Err(PagingError::TooManyPages {
                    url: response.url().to_string(),
                    total,
                    pages,
                });
            }
        }
        // Most APIs send the list itself; paginating ones often wrap it. Take either.
        items.extend(response.json::<PageBody>().await?.into_items());
        page += 1;
    }
    Ok(items)
}
