//! Correct, written another way: it spawns the lesson's own `fetch_title` per id with an `Arc<str>` base URL, awaits all the handles with `join_all` (waiting for every task, not returning at the first failure), and lets `collect::<Result<Vec<_>, _>>()` pick the first `Err` in the order of `ids`.

use std::sync::Arc;

use futures::future::join_all;
use reqwest::Client;
use tokio::task::JoinHandle;

use crate::fetch_title;

/// Fetches every title in tasks of their own: all of them in the order of `ids`, or the first
/// entry's failure.
pub async fn titles_in_tasks(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Result<Vec<String>, reqwest::Error> {
    // One shared copy of the base URL for all the tasks.
    let base_url: Arc<str> = Arc::from(base_url);

    // `collect` spawns every task before anything is awaited. `fetch_title` (the lesson's
    // function) already returns `Result<String, reqwest::Error>`, so no turbofish is needed.
    let handles: Vec<JoinHandle<Result<String, reqwest::Error>>> = ids
        .iter()
        .map(|&id| {
            let client = client.clone();
            let base_url = Arc::clone(&base_url);
            tokio::spawn(async move { fetch_title(&client, &base_url, id).await })
        })
        .collect();

    // `join_all` gives the handles' outputs in the order of `ids`; collecting into a `Result`
    // stops at the first `Err` in that order, whenever it happened.
    join_all(handles)
        .await
        .into_iter()
        .map(|joined| joined.expect("a fetching task never panics"))
        .collect()
}
