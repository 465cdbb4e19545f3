//! Correct: state kept between calls where it is safe: the `{base_url}/posts/` prefix is
//! remembered per thread (`thread_local!`, keyed by the whole base URL, so another base or
//! another server never gets a stale prefix), and each URL is that prefix plus the id. The memo
//! is only touched synchronously, never borrowed across an `.await`, so it does not matter which
//! thread or which runtime a call runs on, or that two calls share it; it holds no runtime object.
//! The requests and bodies are on the runtime, all at once; each digest is awaited on
//! `spawn_blocking` as soon as its body is in.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use futures::future::join_all;
use reqwest::Client;

thread_local! {
    /// `{base_url}/posts/` per base URL, as this thread has seen them.
    static PREFIXES: RefCell<HashMap<String, Rc<str>>> = RefCell::new(HashMap::new());
}

/// `{base_url}/posts/{id}`, appended to the base exactly as given.
fn post_url(base_url: &str, id: u64) -> String {
    PREFIXES.with(|prefixes| {
        let mut prefixes = prefixes.borrow_mut();
        let prefix = prefixes
            .entry(base_url.to_owned())
            .or_insert_with(|| Rc::from(format!("{base_url}/posts/")));
        format!("{prefix}{id}")
    })
}

async fn digest_one(
    client: &Client,
    url: String,
    digest: fn(&[u8]) -> u64,
) -> Result<u64, reqwest::Error> {
    let body = client
        .get(url)
        .send()
        .await?
        .error_for_status()?
        .bytes()
        .await?;
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
    // Every URL is made here, before the first `.await`: the memo is never held across one.
    let urls: Vec<String> = ids.iter().map(|&id| post_url(base_url, id)).collect();
    join_all(urls.into_iter().map(|url| digest_one(client, url, digest))).await
}
