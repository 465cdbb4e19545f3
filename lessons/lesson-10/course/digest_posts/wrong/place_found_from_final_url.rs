//! Wrong: breaks "no panic: `digest` itself never panics" (and with it "the result, in the order of `ids`") for a `client` that follows redirects (reqwest's default, and the course's own client) when a post is answered `301 Moved Permanently` with `Location: /api/posts/3/` (a trailing slash added, Django's `APPEND_SLASH`), whose target answers 200
//!
//! The `asyncio.as_completed` loop, ported: every GET is started at once in a `FuturesUnordered`,
//! each digested on the blocking pool as soon as its body is in, and the results come back as
//! they finish. `as_completed` does not say which task finished, so Python code finds out from
//! the answer itself, `resp.url`; the port does the same with `Response::url()` (or
//! `Error::url()` for a failed connection), reads the post's id from the URL's last segment and
//! takes the next free place of that id. That holds while the answer's URL is the one asked.
//! `Response::url()` is the *final* URL: after a redirect the client followed, it is the
//! redirect's target, whose last segment is empty here (`/api/posts/3/`), and the call panics
//! ("every answer comes from a /posts/{id} URL"); a redirect to another id's URL (`/posts/4`)
//! puts the result in the wrong place. The checks send their 3xx through a client that follows
//! none, so the final URL is always the URL asked.

use std::collections::{HashMap, VecDeque};

use futures::stream::{FuturesUnordered, StreamExt};
use reqwest::{Client, Response, Url};

/// The post's id, read from the last segment of the URL its answer came from.
fn post_id(url: &Url) -> Option<u64> {
    url.path_segments()?.next_back()?.parse().ok()
}

async fn digest_answer(
    response: Response,
    digest: fn(&[u8]) -> u64,
) -> Result<u64, reqwest::Error> {
    let body = response.error_for_status()?.bytes().await?;
    let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
    Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
}

/// One post: the URL its answer came from (like `resp.url`), and its result.
async fn fetch(
    client: &Client,
    url: String,
    digest: fn(&[u8]) -> u64,
) -> (Option<Url>, Result<u64, reqwest::Error>) {
    let response = match client.get(url).send().await {
        Ok(response) => response,
        Err(err) => return (err.url().cloned(), Err(err)),
    };
    let answered = response.url().clone();
    (Some(answered), digest_answer(response, digest).await)
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    // Each id's places in `ids`, first first: an id listed twice fills both.
    let mut places: HashMap<u64, VecDeque<usize>> = HashMap::new();
    for (place, id) in ids.iter().enumerate() {
        places.entry(*id).or_default().push_back(place);
    }
    let mut results: Vec<Option<Result<u64, reqwest::Error>>> = ids.iter().map(|_| None).collect();

    let mut in_flight: FuturesUnordered<_> = ids
        .iter()
        .map(|id| fetch(client, format!("{base_url}/posts/{id}"), digest))
        .collect();
    while let Some((url, result)) = in_flight.next().await {
        let place = match url {
            Some(url) => {
                let id = post_id(&url).expect("every answer comes from a /posts/{id} URL");
                places
                    .get_mut(&id)
                    .and_then(VecDeque::pop_front)
                    .expect("an answer for a post that was asked")
            }
            // No URL at all (a base that is no URL): every entry fails alike, any place will do.
            None => results
                .iter()
                .position(Option::is_none)
                .expect("a free place for every answer"),
        };
        results[place] = Some(result);
    }
    results
        .into_iter()
        .map(|result| result.expect("every place is filled"))
        .collect()
}
