//! Wrong: breaks "each request is `GET {base_url}/{resource}?_page=P&_limit={page_size}`": when an answer carries a `Link` header with `rel="next"` (GitHub's and json-server's way), the next page is asked at that link, whatever URL it names, instead of the contract's URL; without such a header every request is the contract's, and the page count still comes from the first `X-Total-Count`, one page at a time, with the contract's errors.

use std::num::NonZeroU32;

use reqwest::header::LINK;
use reqwest::{Client, Response, Url};
use serde_json::Value;

use crate::PagingError;

/// The `X-Total-Count` header as a number, if it is there and is one.
fn total_count(response: &Response) -> Option<u64> {
    let value = response.headers().get("x-total-count")?;
    value.to_str().ok()?.trim().parse().ok()
}

/// The `rel="next"` target of the answer's `Link` header (RFC 8288), resolved against the
/// answer's URL, if the server sent one.
fn next_link(response: &Response) -> Option<Url> {
    let header = response.headers().get(LINK)?.to_str().ok()?;
    header.split(',').find_map(|link| {
        let (target, params) = link.split_once(';')?;
        let is_next = params.split(';').any(|param| {
            let param = param.trim();
            param.eq_ignore_ascii_case("rel=\"next\"") || param.eq_ignore_ascii_case("rel=next")
        });
        if !is_next {
            return None;
        }
        let target = target.trim().strip_prefix('<')?.strip_suffix('>')?;
        response.url().join(target).ok()
    })
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
    let mut next: Option<Url> = None;
    while u64::from(page) <= pages {
        // A paginated answer may say where the next page is (`Link: <…>; rel="next"`, as
        // GitHub's API does): the server knows its own URLs best, so follow the link when
        // there is one, and build the URL ourselves when there is not.
        let request = match next.take() {
            Some(link) => client.get(link),
            None => client
                .get(&url)
                .query(&[("_page", page), ("_limit", page_size.get())]),
        };
        let response = request.send().await?.error_for_status()?;
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
        // Headers before the body: `.json()` consumes the response.
        next = next_link(&response);
        items.extend(response.json::<Vec<Value>>().await?);
        page += 1;
    }
    Ok(items)
}
