//! Correct, written another way: a `for` loop that spawns through `Handle::current()`, each task
//! building its `Request` and running it with `Client::execute`, checking the status by
//! reference (`error_for_status_ref`) before decoding.

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
    if ids.is_empty() {
        // No task to start, so no runtime needed (as with `tokio::spawn`, never called).
        return Vec::new();
    }
    // The runtime this function is called from; `Handle::spawn` is what `tokio::spawn` calls.
    let runtime = Handle::current();
    let mut handles = Vec::with_capacity(ids.len());
    for &id in ids {
        let client = client.clone();
        let url = format!("{base_url}/posts/{id}");
        handles.push(runtime.spawn(async move {
            // A URL that does not parse fails here, as an `Err`, not a panic.
            let request = client.get(url).build()?;
            let response = client.execute(request).await?;
            response.error_for_status_ref()?;
            let post = response.json::<Post>().await?;
            Ok(post.title)
        }));
    }
    handles
}
