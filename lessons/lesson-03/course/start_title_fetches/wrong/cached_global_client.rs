//! Wrong: each task must use a clone of the `client` it was given; here the first `client` ever passed is kept in a process-wide `OnceLock` ("one client for the whole program", like a module-level `aiohttp.ClientSession`), and every later call clones that one, ignoring its own `client` (its settings, headers and pool), which only shows when two calls are given clients that differ.
//! Exercise 4: start fetches that outlive the caller (warm-up: `tokio::spawn` and `'static`).

use std::sync::OnceLock;

use lesson_support::models::Post;
use reqwest::Client;
use tokio::task::JoinHandle;

/// The program's one client: built once, shared by every call (a `Client` is an `Arc` inside).
static SHARED: OnceLock<Client> = OnceLock::new();

/// Starts fetching the title of every post in `ids`; one handle per entry, in the order of `ids`.
pub fn start_title_fetches(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<JoinHandle<Result<String, reqwest::Error>>> {
    let shared = SHARED.get_or_init(|| client.clone());
    ids.iter()
        .map(|&id| {
            let client = shared.clone();
            let url = format!("{base_url}/posts/{id}");
            tokio::spawn(async move {
                let post: Post = client
                    .get(url)
                    .send()
                    .await?
                    .error_for_status()?
                    .json()
                    .await?;
                Ok(post.title)
            })
        })
        .collect()
}
