//! Wrong: the tasks must be started with `tokio::spawn`; here each fetch runs on tokio's blocking thread pool (`spawn_blocking`, Python's `loop.run_in_executor`) and drives the request with `Handle::block_on`. The handles have the right type and the requests go out at once, but each holds a blocking thread (the pool caps at 512, so beyond that requests queue) instead of being a task.
//! Exercise 4: start fetches that outlive the caller (warm-up: `tokio::spawn` and `'static`).

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
        .map(|&id| {
            let client = client.clone();
            let url = format!("{base_url}/posts/{id}");
            let runtime = runtime.clone();
            // A worker thread per fetch, so it really runs in the background.
            tokio::task::spawn_blocking(move || runtime.block_on(fetch_title(client, url)))
        })
        .collect()
}

async fn fetch_title(client: Client, url: String) -> Result<String, reqwest::Error> {
    let post: Post = client
        .get(url)
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    Ok(post.title)
}
