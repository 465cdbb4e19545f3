//! Wrong: breaks "no panic: `digest` itself never panics" for a `base_url` with no port of its own (the scheme's default: `https://jsonplaceholder.typicode.com`, the lesson's own API, or `http://posts.example/api` through a client whose `Proxy::http` points at the test server)
//!
//! Per-origin request counts, kept for metrics under a `host:port` label. The learner parses
//! the base (an unparsable base is skipped, not unwrapped) and takes `url.port().unwrap()`,
//! because every base they ever tried (`http://127.0.0.1:PORT`, `http://localhost:8080/api`)
//! had one. `Url::port` is `None` when the port is the scheme's default, written or not
//! (`port_or_known_default` is the call that would give 80 or 443), so every call to a real
//! API at its usual address panics before sending anything. The checks' servers all listen
//! on a port picked by the system, written in every base they pass, so no check meets it.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};

use futures::future::join_all;
use reqwest::{Client, Url};

/// How many posts were asked of each origin, by `host:port`.
static REQUESTS_PER_ORIGIN: LazyLock<Mutex<HashMap<String, u64>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    if let Ok(url) = Url::parse(base_url) {
        let origin = format!(
            "{}:{}",
            url.host_str().unwrap_or_default(),
            url.port().unwrap()
        );
        *REQUESTS_PER_ORIGIN
            .lock()
            .unwrap()
            .entry(origin)
            .or_insert(0) += ids.len() as u64;
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
