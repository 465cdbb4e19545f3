//! Correct, written another way: a `for` loop that builds each request before spawning with
//! `RequestBuilder::build_split`, which hands back the request and the builder's own `Client`
//! (a clone of `client`, so the same settings and pool) as owned values; the task then sends it
//! with `Client::execute`, which adds the client's default headers as `send` does. Building sends
//! nothing: the request goes out when the spawned task first runs. A base URL that does not
//! parse gives a builder error, returned by the task as its `Err`, never a panic.

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
        // `client.get` already clones the client into the builder; `build_split` gives it back.
        let (client, request) = client.get(format!("{base_url}/posts/{id}")).build_split();
        handles.push(tokio::spawn(async move {
            let response = client.execute(request?).await?.error_for_status()?;
            let post: Post = response.json().await?;
            Ok::<String, reqwest::Error>(post.title)
        }));
    }
    handles
}
