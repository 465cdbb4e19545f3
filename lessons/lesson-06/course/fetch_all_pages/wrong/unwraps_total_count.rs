//! Wrong: unwraps the `X-Total-Count` header, so a server that does not send it brings the
//! whole program down.

use std::num::NonZeroU32;

use reqwest::Client;
use serde_json::Value;

use crate::PagingError;

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
            .get(format!("{base_url}/{resource}"))
            .query(&[("_page", page), ("_limit", page_size.get())])
            .send()
            .await?
            .error_for_status()?;
        if page == 1 {
            let total: u32 = response.headers()["x-total-count"]
                .to_str()
                .unwrap()
                .parse()
                .unwrap();
            pages = total.div_ceil(page_size.get());
        }
        items.extend(response.json::<Vec<Value>>().await?);
        page += 1;
    }
    Ok(items)
}
