//! Wrong: breaks "one GET `{base_url}/posts/{id}` per entry of `ids` (an id listed twice is asked twice), all in flight together, its URL made by appending to `base_url`, which may end in a path such as `/api` that must be kept" (and "`Err(err)` when the request failed (an error status, any 4xx or 5xx: the error then carries it ...)") for a post answered 404 under a base that has a path: the answer asks the same post again at the site's root, without the path (`http://127.0.0.1:PORT/api` and `/api/posts/7` answered 404: a second GET for `/posts/7`). If that one is a success it is digested and returned as `Ok`; if not, the first 404 is returned as it should be, but the server has seen a GET outside the base.
//!
//! "The user may have given the site's address or the API's": a 404 under `/api` is taken as
//! a sign that the base has one path segment too many, and the site root is tried before giving
//! up. With the course's mock (no path in the base) nothing changes, and a missing post under
//! `/api` still comes back as its own 404.
//!
//! Exercise 15: digest many posts, without blocking the runtime.
//!
//! `digest_posts(client, base_url, ids, digest)` fetches every post in `ids` at once and hands
//! each answer's body to `digest`. `digest` is a *blocking* function: it may take a long time and
//! waits without `.await` (think of a hash of a large body, a parser, a call into a synchronous
//! library). Contract:
//! - one GET `{base_url}/posts/{id}` per entry of `ids` (an id listed twice is asked twice), all in
//!   flight together, its URL made by appending to `base_url`, which may end in a path such as
//!   `/api` that must be kept, through `client`; the requests, their bodies included, are sent
//!   and read by async code on the runtime, not from inside `spawn_blocking` or a thread of your
//!   own (a blocking thread held for a request, or while a body arrives, is one fewer for
//!   blocking work);
//! - a successful answer's body, exactly as it arrived (its bytes, not decoded and encoded again),
//!   goes to `digest` once, as soon as that body is in: a digest never waits for other requests;
//! - `digest` never runs on a thread of the runtime: while digests run, the runtime's other tasks
//!   keep running, and the digests of different posts run at the same time (tokio's blocking
//!   pool, or threads of your own, awaited without blocking);
//! - the result, in the order of `ids`: `Ok(digest(body))`, or `Err(err)` when the request failed
//!   (an error status, any 4xx or 5xx: the error then carries it; a failed connection), and then
//!   `digest` is not called; any other status (a 3xx the client does not follow, say a 300) is an
//!   answer like a 200; a slow answer is waited for, with no time limit of your own (the
//!   client's timeouts, set by whoever built it, are the limit);
//! - no panic: `digest` itself never panics.

use futures::future::join_all;
use reqwest::{Client, Response, StatusCode};

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|&id| async move {
        let body = fetch(client, base_url, id).await?.bytes().await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok::<u64, reqwest::Error>(
            digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())),
        )
    });
    join_all(each).await
}

/// The post's answer, status checked; a 404 under a base with a path is tried at the site root.
async fn fetch(client: &Client, base_url: &str, id: u64) -> Result<Response, reqwest::Error> {
    let answer = client.get(format!("{base_url}/posts/{id}")).send().await?;
    if answer.status() == StatusCode::NOT_FOUND {
        if let Some(root) = site_root(base_url) {
            let again = client.get(format!("{root}/posts/{id}")).send().await?;
            if again.status().is_success() {
                return Ok(again);
            }
        }
    }
    answer.error_for_status()
}

/// `http://host:port` of a base that has a path of its own (`http://host:port/api`), else `None`.
fn site_root(base_url: &str) -> Option<&str> {
    let authority_start = base_url.find("://")? + 3;
    let path_start = authority_start + base_url[authority_start..].find('/')?;
    let path = base_url[path_start..].trim_matches('/');
    (!path.is_empty()).then_some(&base_url[..path_start])
}
