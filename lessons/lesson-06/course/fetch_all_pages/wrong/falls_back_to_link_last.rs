//! Wrong: breaks "a first answer without `X-Total-Count` ... is `Err(PagingError::NoTotalCount { url })` ... and no further request: ... guessing ... is wrong": when the header is missing it falls back, GitHub-style, to the `Link` header's `rel="last"` page number and walks that many pages; with an `X-Total-Count`, or with neither header, it is exactly right (requests, rounding, caps, errors, items).

use std::num::NonZeroU32;

use lesson_06::{MAX_PAGES, PagingError};
use reqwest::header::LINK;
use reqwest::{Client, Response};
use serde_json::Value;

/// The `X-Total-Count` header as a number.
fn total_count(response: &Response) -> Option<u64> {
    response
        .headers()
        .get("x-total-count")?
        .to_str()
        .ok()?
        .trim()
        .parse()
        .ok()
}

/// The number of the last page, from a `Link: <...?_page=7&_limit=30>; rel="last"` header
/// (what GitHub and json-server send alongside, or instead of, a total).
fn last_page(response: &Response) -> Option<u64> {
    let link = response.headers().get(LINK)?.to_str().ok()?;
    for part in link.split(',') {
        let Some((target, params)) = part.split_once(';') else {
            continue;
        };
        let is_last = params
            .split(';')
            .any(|param| matches!(param.trim(), "rel=\"last\"" | "rel=last"));
        if is_last {
            let target = target.trim().trim_start_matches('<').trim_end_matches('>');
            let url = response.url().join(target).ok()?;
            return url
                .query_pairs()
                .find(|(name, _)| name == "_page")
                .and_then(|(_, value)| value.parse().ok());
        }
    }
    None
}

/// Every item of `resource`, fetched `page_size` at a time, in order.
pub async fn fetch_all_pages(
    client: &Client,
    base_url: &str,
    resource: &str,
    page_size: NonZeroU32,
) -> Result<Vec<Value>, PagingError> {
    let size = page_size.get();
    let mut items = Vec::new();
    let mut page: u32 = 1;
    let mut pages: u64 = 1;

    while u64::from(page) <= pages {
        let response = client
            .get(format!("{base_url}/{resource}"))
            .query(&[("_page", page), ("_limit", size)])
            .send()
            .await?
            .error_for_status()?;

        if page == 1 {
            // The total is the plan; a server that only links to its last page gives the
            // plan too. With neither, there is no knowing how far to go.
            let (total, count) = match (total_count(&response), last_page(&response)) {
                (Some(total), _) => (total, total.div_ceil(u64::from(size))),
                (None, Some(last)) => (last.saturating_mul(u64::from(size)), last),
                (None, None) => {
                    return Err(PagingError::NoTotalCount {
                        url: response.url().to_string(),
                    });
                }
            };
            if count > MAX_PAGES {
                return Err(PagingError::TooManyPages {
                    url: response.url().to_string(),
                    total,
                    pages: count,
                });
            }
            pages = count;
        }

        items.extend(response.json::<Vec<Value>>().await?);
        page += 1;
    }
    Ok(items)
}
