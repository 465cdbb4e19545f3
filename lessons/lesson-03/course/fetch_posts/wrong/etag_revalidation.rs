//! Wrong: breaks "every call asks the server anew (nothing is remembered between calls)"
//!
//! Each request is a conditional GET: the function remembers, in a process-wide map keyed by
//! URL, every post that came with an `ETag`, sends `If-None-Match` with it the next time, and
//! on a `304 Not Modified` returns the remembered post. The learner knows HTTP caching and
//! thinks it is the polite way to "ask anew": a GET really is sent for every entry on every
//! call, so request counts, paths, concurrency, order and failures are all exactly the
//! reference's. The mock sends no `ETag`, so nothing is ever remembered under the checks. But a
//! server that does send one gets its answer replaced by a post from an earlier call (a 304 is
//! not a post; the reference makes it a decode error), and a post answered under an ETag is
//! kept for the life of the process.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use futures::future::join_all;
use lesson_support::models::Post;
use reqwest::header::{ETAG, HeaderValue, IF_NONE_MATCH};
use reqwest::{Client, StatusCode};

type Remembered = HashMap<String, (HeaderValue, Post)>;

/// Posts already seen, by URL, with the `ETag` each came with.
fn remembered() -> &'static Mutex<Remembered> {
    static REMEMBERED: OnceLock<Mutex<Remembered>> = OnceLock::new();
    REMEMBERED.get_or_init(|| Mutex::new(HashMap::new()))
}

async fn fetch_post(client: &Client, url: String) -> Result<Post, reqwest::Error> {
    // The guard is a temporary: the lock is released at the end of this statement.
    let known = remembered()
        .lock()
        .ok()
        .and_then(|posts| posts.get(&url).cloned());

    let mut request = client.get(&url);
    if let Some((etag, _)) = &known {
        request = request.header(IF_NONE_MATCH, etag.clone());
    }
    let response = request.send().await?;

    if response.status() == StatusCode::NOT_MODIFIED {
        if let Some((_, post)) = known {
            return Ok(post);
        }
    }

    let response = response.error_for_status()?;
    let etag = response.headers().get(ETAG).cloned();
    let post: Post = response.json().await?;
    if let Some(etag) = etag {
        if let Ok(mut posts) = remembered().lock() {
            posts.insert(url, (etag, post.clone()));
        }
    }
    Ok(post)
}

/// Fetches the posts with the given ids concurrently; one result per id, in the order of `ids`.
pub async fn fetch_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<Result<Post, reqwest::Error>> {
    let requests = ids
        .iter()
        .map(|id| fetch_post(client, format!("{base_url}/posts/{id}")));
    join_all(requests).await
}
