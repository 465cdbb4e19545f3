//! Wrong: breaks "one GET `{base_url}/posts/{id}` per entry of `ids`" (and "a successful answer's body, exactly as it arrived ..., goes to `digest` once") for a successful answer whose head carries `Link: </api/posts/1?page=2>; rel="next"` (a GitHub- or GitLab-style paginated answer)
//!
//! The `requests` habit `while "next" in resp.links: ...`: an API that splits a long answer
//! across pages says so in the `Link` header, and a learner used to GitHub's API follows
//! `rel="next"` until there is none, so as to digest "the whole post". Every page is read on
//! the runtime and the digest still runs on the blocking pool, so nothing blocks, all first
//! requests leave together, and the common answer (no `Link`) is the reference's. But a post
//! whose answer has a `next` link costs more GETs than its one entry, and `digest` gets the
//! pages joined, not the body that answered the GET. The checks' heads carry `ETag`,
//! `Cache-Control`, `Location`, rate-limit fields and more, but no `Link`.

use futures::future::join_all;
use reqwest::header::{HeaderMap, LINK};
use reqwest::{Client, Response, Url};

/// At most this many pages per post, so that a loop of links ends.
const MAX_PAGES: usize = 50;

/// The target of the `rel="next"` link in these headers, if any (as written, maybe relative).
fn next_link(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(LINK)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .find_map(|link| {
            let (target, params) = link.split_once(';')?;
            let is_next = params.split(';').any(|param| {
                let param = param.trim();
                param.eq_ignore_ascii_case("rel=\"next\"") || param.eq_ignore_ascii_case("rel=next")
            });
            is_next.then(|| {
                target
                    .trim()
                    .trim_start_matches('<')
                    .trim_end_matches('>')
                    .to_owned()
            })
        })
}

/// The next page of this answer, resolved against the URL it came from.
fn next_page(response: &Response) -> Option<Url> {
    next_link(response.headers()).and_then(|target| response.url().join(&target).ok())
}

async fn fetch(
    client: &Client,
    url: String,
    digest: fn(&[u8]) -> u64,
) -> Result<u64, reqwest::Error> {
    let response = client.get(url).send().await?.error_for_status()?;
    let mut next = next_page(&response);
    let mut body = response.bytes().await?.to_vec();
    let mut pages = 1;
    while let Some(url) = next.take() {
        if pages == MAX_PAGES {
            break;
        }
        let page = client.get(url).send().await?.error_for_status()?;
        next = next_page(&page);
        body.extend_from_slice(&page.bytes().await?);
        pages += 1;
    }
    let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
    Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    join_all(
        ids.iter()
            .map(|id| fetch(client, format!("{base_url}/posts/{id}"), digest)),
    )
    .await
}
