//! Correct: spawns through the current runtime's `Handle` and an owned helper `async fn` that
//! takes the client and URL by value, so no `async` block is needed.

use lesson_support::models::Post;
use reqwest::Client;
use tokio::runtime::Handle;
use tokio::task::JoinHandle;

/// Starts fetching the title of every post in `ids`; one handle per entry, in the order of `ids`.
pub fn start_title_fetches(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<JoinHandle<Result<String, reqwest::Error>>> {
    let runtime = Handle::current();
    ids.iter()
        .map(|id| runtime.spawn(title(client.clone(), format!("{base_url}/posts/{id}"))))
        .collect()
}

async fn title(client: Client, url: String) -> Result<String, reqwest::Error> {
    let post: Post = client
        .get(url)
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    Ok(post.title)
}
