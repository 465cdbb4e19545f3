//! Correct, written another way: no `async` block at all; each task is the future of an `async fn` that takes its `Client` and URL by value (so the future is `'static` by construction), spawned from a plain `for` loop that pushes into a pre-sized `Vec`, and the title is taken by destructuring the `Post`.

use lesson_support::models::Post;
use reqwest::Client;
use tokio::task::JoinHandle;

/// Fetches the post at `url` with an owned client handle and gives back its title.
async fn owned_title(client: Client, url: String) -> Result<String, reqwest::Error> {
    let response = client.get(url).send().await?.error_for_status()?;
    let Post { title, .. } = response.json().await?;
    Ok(title)
}

/// Starts fetching the title of every post in `ids`; one handle per entry, in the order of `ids`.
pub fn start_title_fetches(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<JoinHandle<Result<String, reqwest::Error>>> {
    let mut handles = Vec::with_capacity(ids.len());
    for id in ids {
        handles.push(tokio::spawn(owned_title(
            client.clone(),
            format!("{base_url}/posts/{id}"),
        )));
    }
    handles
}
