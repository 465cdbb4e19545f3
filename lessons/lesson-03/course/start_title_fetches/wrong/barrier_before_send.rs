//! Wrong: breaks "each task sends one GET `{base_url}/posts/{id}` at once, with no timer before it"
//! Each task first waits on a `tokio::sync::Barrier` sized to the batch, shared by every task,
//! and only sends once all of them have reached it. The learner wants the chapter's timeline,
//! "all starting at zero": without the barrier, the first tasks spawned (on a multi-thread
//! runtime) send while the loop is still spawning the rest. No timer, and the tasks wait for
//! each other's *start*, not their answers, so every request still leaves together as soon as
//! the runtime has polled every task, whether or not a handle is awaited. But no task's request
//! is its own any more: one task that never reaches the barrier (its handle aborted before the
//! runtime first polled it, as a caller's `abort()` on a fetch it no longer wants can do) keeps
//! every other task of the batch waiting forever, and none of their requests is ever sent.

use std::sync::Arc;

use lesson_support::models::Post;
use reqwest::Client;
use tokio::sync::Barrier;
use tokio::task::JoinHandle;

/// Starts fetching the title of every post in `ids`; one handle per entry, in the order of `ids`.
pub fn start_title_fetches(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<JoinHandle<Result<String, reqwest::Error>>> {
    // Every task waits here until the whole batch is running, so the requests leave together.
    let start_line = Arc::new(Barrier::new(ids.len()));
    ids.iter()
        .map(|&id| {
            let client = client.clone();
            let url = format!("{base_url}/posts/{id}");
            let start_line = Arc::clone(&start_line);
            tokio::spawn(async move {
                start_line.wait().await;
                let post: Post = client
                    .get(url)
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
