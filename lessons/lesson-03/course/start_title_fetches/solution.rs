//! Exercise 4, solved: start fetches that outlive the caller (warm-up: `tokio::spawn` and
//! `'static`).

use lesson_support::models::Post;
use reqwest::Client;
use tokio::task::JoinHandle;

/// Starts fetching the title of every post in `ids`; one handle per entry, in the order of `ids`.
///
/// The contract is in the stub (`course/start_title_fetches/stub.rs`).
pub fn start_title_fetches(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<JoinHandle<Result<String, reqwest::Error>>> {
    ids.iter()
        .map(|&id| {
            // A task may run after this function has returned, so its future must be
            // `'static`: it owns its values instead of borrowing ours (E0521 otherwise). A
            // `Client` is a handle to one shared pool: its clone costs a reference count and
            // sends with the same settings over the same connections.
            let client = client.clone();
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
