//! Wrong: breaks "each task sends one GET `{base_url}/posts/{id}` at once"
//! Titles already fetched are kept in a process-wide cache keyed by the full URL, and a task
//! whose URL is in it returns the cached title without sending anything. Within one call every
//! task starts before any answer is back, so repeated ids still send two requests and a single
//! call looks right; each test's mock server has its own port, so caches never mix between
//! tests. Only a second call with the same base URL and id sends nothing, and returns the old
//! title even when the server now answers something else (or an error). A learner adds it
//! because posts "don't change" and the caller may start the same fetches again to refresh.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use lesson_support::models::Post;
use reqwest::Client;
use tokio::task::JoinHandle;

/// Titles fetched so far, by URL: shared by every task, of every call.
static TITLES: OnceLock<Mutex<HashMap<String, String>>> = OnceLock::new();

fn titles() -> &'static Mutex<HashMap<String, String>> {
    TITLES.get_or_init(|| Mutex::new(HashMap::new()))
}

/// Starts fetching the title of every post in `ids`; one handle per entry, in the order of `ids`.
pub fn start_title_fetches(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<JoinHandle<Result<String, reqwest::Error>>> {
    ids.iter()
        .map(|&id| {
            let client = client.clone();
            let url = format!("{base_url}/posts/{id}");
            tokio::spawn(async move {
                // The lock is taken and released within this statement: never held across an
                // `.await`, so the task stays `Send`.
                let cached = titles()
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
                if let Ok(mut titles) = titles().lock() {
                    titles.insert(url, post.title.clone());
                }
                Ok::<String, reqwest::Error>(post.title)
            })
        })
        .collect()
}
