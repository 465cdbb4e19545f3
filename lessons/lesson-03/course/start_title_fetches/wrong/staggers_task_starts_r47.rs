//! Wrong: breaks "each task sends one GET `{base_url}/posts/{id}` at once, with no timer before it"
//! Task number n sleeps n × 25 ms before it sends, "to spread the burst" the chapter's
//! "Unbounded concurrency" pitfall warns about. Every task is still spawned before the function
//! returns, none waits for another, and with a handful of ids every request arrives well within
//! any reasonable wait and still overlaps the others against a slow server; but the requests
//! are not on their way at once: the 41st id is not sent until a second has passed, and on a
//! paused clock nothing is sent until the runtime lets the timers fire.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;
use tokio::task::JoinHandle;

/// How far apart the tasks start, so that a long list of ids does not hit the server in the
/// same instant.
const STAGGER: Duration = Duration::from_millis(25);

/// Starts fetching the title of every post in `ids`; one handle per entry, in the order of `ids`.
pub fn start_title_fetches(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<JoinHandle<Result<String, reqwest::Error>>> {
    ids.iter()
        .enumerate()
        .map(|(position, &id)| {
            let client = client.clone();
            let url = format!("{base_url}/posts/{id}");
            let pause = STAGGER * u32::try_from(position).unwrap_or(u32::MAX);
            tokio::spawn(async move {
                tokio::time::sleep(pause).await;
                let post: Post = client
                    .get(url)
                    .send()
                    .await?
                    .error_for_status()?
                    .json()
                    .await?;
                Ok::<String, reqwest::Error>(post.title)
            })
        })
        .collect()
}
