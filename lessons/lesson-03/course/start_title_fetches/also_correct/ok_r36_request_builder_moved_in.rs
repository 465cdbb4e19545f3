//! Correct, written another way: no explicit `client.clone()`: a `for` loop builds each `RequestBuilder` outside the task (it owns a clone of the client, same pool and settings, and its owned URL, so it is `'static`) and moves it into the spawned block, which ends in `json::<Post>().await.map(|post| post.title)`.

use lesson_support::models::Post;
use reqwest::Client;
use tokio::task::JoinHandle;

/// Starts fetching the title of every post in `ids`; one handle per entry, in the order of `ids`.
pub fn start_title_fetches(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<JoinHandle<Result<String, reqwest::Error>>> {
    let mut handles = Vec::with_capacity(ids.len());
    for &id in ids {
        // `client.get` hands back a builder that carries its own `Client` (a clone: the same
        // pool) and the URL it parsed: nothing in it borrows from this function.
        let request = client.get(format!("{base_url}/posts/{id}"));
        handles.push(tokio::spawn(async move {
            let response = request.send().await?.error_for_status()?;
            response.json::<Post>().await.map(|post| post.title)
        }));
    }
    handles
}
