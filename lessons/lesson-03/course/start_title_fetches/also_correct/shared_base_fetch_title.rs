//! Correct: unusual ownership. The base URL is turned into one `Arc<str>` shared by all tasks (no `format!` outside the task), each task gets a `client.clone()` and calls the lesson's own `crate::fetch_title` with borrows of the values it owns, so the `?` chain lives in a named `async fn`. Same requests, same handles, same order.

use std::sync::Arc;

use reqwest::Client;
use tokio::task::JoinHandle;

/// Starts fetching the title of every post in `ids`; one handle per entry, in the order of `ids`.
pub fn start_title_fetches(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<JoinHandle<Result<String, reqwest::Error>>> {
    let base_url: Arc<str> = Arc::from(base_url);
    let mut handles = Vec::with_capacity(ids.len());
    for &id in ids {
        let client = client.clone();
        let base_url = Arc::clone(&base_url);
        handles.push(tokio::spawn(async move {
            crate::fetch_title(&client, &base_url, id).await
        }));
    }
    handles
}
