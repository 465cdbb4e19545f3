//! Wrong: breaks "what a page holds (a short page, an empty one, a long one) does not change the number of pages"
//! The learner knows that real APIs cap the page size (GitHub answers at most 100 per page,
//! whatever `per_page` asks), so when page 1 comes back short although the header says the list
//! goes on past one page, the length of page 1 is taken as the server's real page size and the
//! page count is worked out again from it ("otherwise the last items are never fetched"). The
//! header, the bound, the URLs and every error are handled as the contract says, and a short page
//! in the middle, an empty or long page, or a short page 1 of a one-page list change nothing.
//! But a page 1 that is short in a longer list (200 items in pages of 30, page 1 holding 20)
//! stretches the walk to 10 requests instead of 7.

use std::num::NonZeroU32;

use reqwest::{Client, Response};
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
    let limit = page_size.get();
    let asked = u64::from(limit);

    let mut items = Vec::new();
    let mut page: u32 = 1;
    let mut pages: u64 = 1; // until page 1's answer says otherwise
    while u64::from(page) <= pages {
        let response = client
            .get(&url)
            .query(&[("_page", page), ("_limit", limit)])
            .send()
            .await?
            .error_for_status()?;
        if page == 1 {
            let answered = response.url().to_string();
            let total = total_count(&response).ok_or_else(|| PagingError::NoTotalCount {
                url: answered.clone(),
            })?;
            pages = total.div_ceil(asked);
            if pages > crate::MAX_PAGES {
                return Err(PagingError::TooManyPages {
                    url: answered,
                    total,
                    pages,
                });
            }
            let first: Vec<Value> = response.json().await?;
            // A server that caps `_limit` sends fewer items than asked on a page that is not
            // the last: the pages are then as long as what it really sent.
            let served = u64::try_from(first.len()).unwrap_or(u64::MAX);
            if served > 0 && served < asked && total > asked {
                pages = total.div_ceil(served);
                if pages > crate::MAX_PAGES {
                    return Err(PagingError::TooManyPages {
                        url: answered,
                        total,
                        pages,
                    });
                }
            }
            items.extend(first);
        } else {
            items.extend(response.json::<Vec<Value>>().await?);
        }
        page += 1;
    }
    Ok(items)
}

/// The `X-Total-Count` header as a whole number, if it is there and is one.
fn total_count(response: &Response) -> Option<u64> {
    response
        .headers()
        .get("x-total-count")?
        .to_str()
        .ok()?
        .parse()
        .ok()
}
