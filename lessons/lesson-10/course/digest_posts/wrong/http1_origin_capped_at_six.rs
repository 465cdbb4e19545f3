//! Wrong: breaks "one GET `{base_url}/posts/{id}` per entry of `ids` ... all in flight together"
//! The learner knows browsers open at most six connections per host over HTTP/1.1, while HTTP/2
//! multiplexes every request on one connection, so it remembers, process-wide and per origin, the
//! protocol version of the answers it got. An origin not yet seen (the first call) gets every
//! request at once; once an origin is known to answer in HTTP/1.x, later calls keep at most six
//! of its requests in flight ("be as polite as a browser"). The first call to a server is right;
//! every later call to the same server with more than six ids is throttled.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use futures::StreamExt;
use reqwest::{Client, Version};

/// Per origin (`scheme://host:port`): `true` once one of its answers came in HTTP/1.x.
static SPEAKS_HTTP1: OnceLock<Mutex<HashMap<String, bool>>> = OnceLock::new();

/// What a browser allows per host over HTTP/1.1.
const BROWSER_PER_HOST: usize = 6;

fn memo() -> &'static Mutex<HashMap<String, bool>> {
    SPEAKS_HTTP1.get_or_init(|| Mutex::new(HashMap::new()))
}

fn origin_of(base_url: &str) -> String {
    match reqwest::Url::parse(base_url) {
        Ok(url) => url.origin().ascii_serialization(),
        Err(_) => base_url.to_owned(),
    }
}

fn remember(origin: &str, version: Version) {
    let http1 = version <= Version::HTTP_11;
    let mut memo = memo()
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    memo.insert(origin.to_owned(), http1);
}

async fn one(
    client: &Client,
    url: String,
    origin: &str,
    digest: fn(&[u8]) -> u64,
) -> Result<u64, reqwest::Error> {
    let response = client.get(url).send().await?;
    remember(origin, response.version());
    let body = response.error_for_status()?.bytes().await?;
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
    let origin = origin_of(base_url);
    let known_http1 = {
        let memo = memo()
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        memo.get(&origin).copied().unwrap_or(false)
    };
    // An origin we know speaks HTTP/1.x gets a browser's six connections; any other, everything.
    let in_flight = if known_http1 {
        BROWSER_PER_HOST
    } else {
        ids.len().max(1)
    };
    let origin = origin.as_str();
    futures::stream::iter(ids.iter().map(|id| {
        let url = format!("{base_url}/posts/{id}");
        one(client, url, origin, digest)
    }))
    .buffered(in_flight)
    .collect()
    .await
}
