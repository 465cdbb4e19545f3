//! Wrong: breaks "each task sends one GET `{base_url}/posts/{id}` at once": every title fetched is kept in a process-wide cache keyed by URL (Python's `@lru_cache`), so a task started by a later call for a post already fetched sends no GET at all and ends with the old title, even if the server's post has changed; in a first call every task is spawned at once, sends its GET through a clone of the client (repeats too, as they start before any answer is in), and the titles and errors are right.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};

use lesson_support::models::Post;
use reqwest::Client;
use tokio::task::JoinHandle;

/// Titles already fetched, by URL. A post's title does not change from one call to the next, so
/// asking again is wasted work: the `@lru_cache` I would put on the Python helper. Only titles
/// are kept, never errors, so a failed post is asked again next time.
static TITLES: LazyLock<Mutex<HashMap<String, String>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

/// Starts fetching the title of every post in `ids`; one handle per entry, in the order of `ids`.
pub fn start_title_fetches(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<JoinHandle<Result<String, reqwest::Error>>> {
    ids.iter()
        .map(|&id| {
            // Owned copies for the task: it may outlive this function's borrows.
            let client = client.clone();
            let url = format!("{base_url}/posts/{id}");
            tokio::spawn(fetch_title(client, url))
        })
        .collect()
}

/// One task's work: the title from the cache, or from the server (and then into the cache).
async fn fetch_title(client: Client, url: String) -> Result<String, reqwest::Error> {
    // The lock is taken and released in this one statement: never held across an `.await`.
    let cached = TITLES
        .lock()
        .ok()
        .and_then(|titles| titles.get(&url).cloned());
    if let Some(title) = cached {
        return Ok(title);
    }

    let post: Post = client
        .get(&url)
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    if let Ok(mut titles) = TITLES.lock() {
        titles.insert(url, post.title.clone());
    }
    Ok(post.title)
}
