//! Correct, written another way: the URL is built by pushing onto a `String` with `fmt::Write`,
//! the ids are walked with `iter().copied()` into `tokio::task::spawn`, and the task has no `?`:
//! `Result::and_then(Response::error_for_status)` turns a 4xx or 5xx into its error before any
//! body is read, and a `match` decodes a whole `Post` only from a success, keeping its title.

use std::fmt::Write as _;

use lesson_support::models::Post;
use reqwest::{Client, Response};
use tokio::task::JoinHandle;

/// Starts fetching the title of every post in `ids`; one handle per entry, in the order of `ids`.
pub fn start_title_fetches(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<JoinHandle<Result<String, reqwest::Error>>> {
    ids.iter()
        .copied()
        .map(|id| {
            let mut url = String::with_capacity(base_url.len() + 28);
            url.push_str(base_url);
            // Writing to a `String` cannot fail.
            let _ = write!(url, "/posts/{id}");
            let client = Client::clone(client);
            tokio::task::spawn(async move {
                match client
                    .get(url)
                    .send()
                    .await
                    .and_then(Response::error_for_status)
                {
                    Ok(response) => response.json::<Post>().await.map(|post| post.title),
                    Err(err) => Err(err),
                }
            })
        })
        .collect()
}
