//! Wrong: breaks "through `client`: a clone of it, which shares the same settings and connections"
//! Each task sends through a clone of `client`, but with `.timeout(REQUEST_TIMEOUT)`, the
//! course's 30 s. The learner read in `shared/src/client.rs` that "reqwest sets no timeout by
//! default: a server that never answers would hang the program forever", and since these tasks
//! outlive their caller, gave each request its own safety net with the course's own constant.
//! A request's timeout replaces the client's (reqwest's `RequestConfig::fetch` prefers the
//! request's value): with the course's client (30 s) nothing differs, on a paused clock or not,
//! so every status, body, failure and the 30 s timeout match the reference. But a caller whose
//! client gives up after 2 s (or never) gets tasks that give up after exactly 30 s instead: a
//! slow answer at 5 s is an `Ok(title)` where the caller's settings made it a timeout.

use std::time::Duration;

use lesson_support::client::REQUEST_TIMEOUT;
use lesson_support::models::Post;
use reqwest::Client;
use tokio::task::JoinHandle;

/// A task may outlive everything that could cancel it: it must give up on its own.
const TASK_TIMEOUT: Duration = REQUEST_TIMEOUT;

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
                let post: Post = client
                    .get(url)
                    .timeout(TASK_TIMEOUT)
                    .send()
                    .await?
                    .error_for_status()?
                    .json()
                    .await?;
                Ok(post.title)
            })
        })
        .collect()
}
