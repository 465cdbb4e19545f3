//! Correct: unusual in how it starts and builds each task: the tasks are started through `tokio::runtime::Handle::current().spawn` (the very call `tokio::spawn` makes, so every task is running before the function returns), each task is an `async fn` that owns its clone of the client and an `Arc<str>` of the base URL, builds the `reqwest::Request` itself (`client.get(url).build()`) and sends it with `client.execute`.
//!
//! Exercise 4: start fetches that outlive the caller (warm-up: `tokio::spawn` and `'static`).

use std::sync::Arc;

use lesson_support::models::Post;
use reqwest::Client;
use tokio::runtime::Handle;
use tokio::task::JoinHandle;

async fn title(client: Client, base_url: Arc<str>, id: u64) -> Result<String, reqwest::Error> {
    let request = client.get(format!("{base_url}/posts/{id}")).build()?;
    let response = client.execute(request).await?.error_for_status()?;
    Ok(response.json::<Post>().await?.title)
}

/// Starts fetching the title of every post in `ids`; one handle per entry, in the order of `ids`.
pub fn start_title_fetches(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<JoinHandle<Result<String, reqwest::Error>>> {
    let runtime = Handle::current();
    let base_url: Arc<str> = Arc::from(base_url);
    let mut handles = Vec::with_capacity(ids.len());
    for &id in ids {
        handles.push(runtime.spawn(title(client.clone(), Arc::clone(&base_url), id)));
    }
    handles
}
