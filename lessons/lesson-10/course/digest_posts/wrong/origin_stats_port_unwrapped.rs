//! Wrong: breaks "no panic: `digest` itself never panics" for a base URL with no explicit port (`http://posts.test/api`, reached through a client built with `.resolve("posts.test", 127.0.0.1:PORT)`, or any `http://host/` on port 80)
//!
//! Each call adds its number of requests to a process-wide tally per origin, keyed `host:port`
//! (metrics an engineer wants on a dashboard: which backends this service talks to, and how
//! much). The key is made with `Url::port()`, which is `None` when the URL leaves the port to its
//! scheme's default; `port_or_known_default()` was meant. Every base URL the learner tried
//! (`127.0.0.1:PORT`, `localhost:3000`) had a port, so the `expect` never fired for them. A base
//! that does not parse gets no tally, and its requests fail through `client` as they should.

use std::collections::BTreeMap;
use std::sync::{Mutex, PoisonError};

use futures::future::join_all;
use reqwest::{Client, Url};

/// Requests sent per origin (`host:port`), for the whole process.
static REQUESTS_PER_ORIGIN: Mutex<BTreeMap<String, u64>> = Mutex::new(BTreeMap::new());

/// `host:port` of the base URL, or `None` if it does not parse (the requests then fail anyway).
fn origin_key(base_url: &str) -> Option<String> {
    let url = Url::parse(base_url).ok()?;
    let host = url.host_str()?.to_owned();
    let port = url.port().expect("a base URL names its port");
    Some(format!("{host}:{port}"))
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    if let Some(origin) = origin_key(base_url) {
        let mut tally = REQUESTS_PER_ORIGIN
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        *tally.entry(origin).or_insert(0) += ids.len() as u64;
    }
    let each = ids.iter().map(|id| async move {
        let body = client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
