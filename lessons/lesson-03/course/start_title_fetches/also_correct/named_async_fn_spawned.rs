//! Correct, written another way: the task's work is a named `async fn` that takes an owned
//! `Client` clone and an owned `String` URL (so its future is `'static` by its signature, not
//! by an `async move` block), spawned directly from a `for` loop that pushes the handles into a
//! `Vec` sized up front; the title is taken with `Result::map` on the decode.

use lesson_support::models::Post;
use reqwest::Client;
use tokio::task::JoinHandle;

/// One task's work: it owns everything it uses.
async fn title_of(client: Client, url: String) -> Result<String, reqwest::Error> {
    let response = client.get(url).send().await?.error_for_status()?;
    response.json::<Post>().await.map(|post| post.title)
}

/// Starts fetching the title of every post in `ids`; one handle per entry, in the order of `ids`.
pub fn start_title_fetches(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<JoinHandle<Result<String, reqwest::Error>>> {
    let mut handles = Vec::with_capacity(ids.len());
    for id in ids {
        handles.push(tokio::spawn(title_of(
            client.clone(),
            format!("{base_url}/posts/{id}"),
        )));
    }
    handles
}
