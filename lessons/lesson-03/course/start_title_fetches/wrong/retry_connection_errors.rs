//! Wrong: breaks "never retries": a request that got no answer (refused, reset, dropped before the head) is sent again, up to three times; a server that always drops it sees three GETs and the task still ends in the same `Err`, so only a count of the requests per post shows it.
//!
//! `for attempt in range(3): try: ... except aiohttp.ClientConnectionError: continue`, in Rust.

use lesson_support::models::Post;
use reqwest::Client;
use tokio::task::JoinHandle;

/// How many times a request that got no answer is sent.
const ATTEMPTS: usize = 3;

/// Starts fetching the title of every post in `ids`; one handle per entry, in the order of `ids`.
pub fn start_title_fetches(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<JoinHandle<Result<String, reqwest::Error>>> {
    ids.iter()
        .map(|&id| {
            let client = client.clone();
            let url = format!("{base_url}/posts/{id}");
            tokio::spawn(async move {
                let mut attempt = 1;
                let response = loop {
                    match client.get(&url).send().await {
                        // No answer at all: the connection may just have been stale.
                        Err(err)
                            if attempt < ATTEMPTS && (err.is_connect() || err.is_request()) =>
                        {
                            attempt += 1;
                        }
                        other => break other?,
                    }
                };
                let post: Post = response.error_for_status()?.json().await?;
                Ok(post.title)
            })
        })
        .collect()
}
