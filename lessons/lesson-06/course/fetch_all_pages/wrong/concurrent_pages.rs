//! Wrong: once page 1 has given the total, fetches the other pages all at once (a `JoinSet`,
//! sorted back into order): the items come out right, but the contract asks for one page at a
//! time, and a failing page no longer stops the requests after it.

use std::num::NonZeroU32;

use reqwest::{Client, Response};
use serde_json::Value;
use tokio::task::JoinSet;

use crate::{MAX_PAGES, PagingError};

pub async fn fetch_all_pages(
    client: &Client,
    base_url: &str,
    resource: &str,
    page_size: NonZeroU32,
) -> Result<Vec<Value>, PagingError> {
    let url = format!("{base_url}/{resource}");
    let first = get_page(client.clone(), url.clone(), 1, page_size.get()).await?;
    let total = total_count(&first).ok_or_else(|| PagingError::NoTotalCount {
        url: first.url().to_string(),
    })?;
    let pages = total.div_ceil(u64::from(page_size.get()));
    if pages > MAX_PAGES {
        return Err(PagingError::TooManyPages {
            url: first.url().to_string(),
            total,
            pages,
        });
    }
    let mut items = first.json::<Vec<Value>>().await?;
    let mut set = JoinSet::new();
    for page in 2..=pages as u32 {
        let (client, url) = (client.clone(), url.clone());
        set.spawn(async move {
            let response = get_page(client, url, page, page_size.get()).await?;
            Ok::<_, PagingError>((page, response.json::<Vec<Value>>().await?))
        });
    }
    let mut rest = Vec::new();
    while let Some(joined) = set.join_next().await {
        rest.push(joined.unwrap()?);
    }
    rest.sort_by_key(|(page, _)| *page);
    for (_, batch) in rest {
        items.extend(batch);
    }
    Ok(items)
}

async fn get_page(
    client: Client,
    url: String,
    page: u32,
    size: u32,
) -> Result<Response, PagingError> {
    Ok(client
        .get(url)
        .query(&[("_page", page), ("_limit", size)])
        .send()
        .await?
        .error_for_status()?)
}

fn total_count(response: &Response) -> Option<u64> {
    let value = response.headers().get("x-total-count")?;
    value.to_str().ok()?.trim().parse().ok()
}
