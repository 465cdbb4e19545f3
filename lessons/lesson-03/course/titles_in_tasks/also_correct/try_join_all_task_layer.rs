//! Correct: unusual because it awaits the handles with `futures::future::try_join_all`, the tool the hints warn against, but applied to the task layer only (it stops on a `JoinError`, which never happens here); the requests' own results come back as a `Vec` in the order of `ids`, and `collect::<Result<Vec<_>, _>>()` over them yields the first failure in that order, not the first in time.
//!
//! Exercise 6: all the titles, or the first failure, from tasks (warm-up: `?` in an async block).
//!
//! The contract, which `cargo test -p lesson-03` checks:
//! - one task per entry of `ids` (`tokio::spawn`), all of them started before any is awaited,
//!   so that every request is in flight together; being tasks, they make progress by
//!   themselves, not only while the caller is awaiting; each sends one GET
//!   `{base_url}/posts/{id}` (an id listed twice is fetched twice), its URL made by appending
//!   to `base_url`, which may end in a path that must be kept, through a clone of `client`; no
//!   request for an empty `ids`;
//! - `Ok(titles)`, one title per entry of `ids` in the order of `ids`, when every request
//!   succeeded;
//! - otherwise `Err(err)`: the error of the first entry *in the order of `ids`* whose request
//!   failed (not the first to fail in time): an error status (the error then carries it), a
//!   body that is not a post, a failed connection. No panic, no retry, no timeout of your own
//!   (the client's settings say how long to wait).

use futures::future::try_join_all;
use lesson_support::models::Post;
use reqwest::Client;

/// Fetches every title in tasks of their own: all of them in the order of `ids`, or the first
/// entry's failure.
pub async fn titles_in_tasks(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Result<Vec<String>, reqwest::Error> {
    let tasks: Vec<_> = ids
        .iter()
        .map(|id| {
            let client = client.clone();
            let url = format!("{base_url}/posts/{id}");
            tokio::spawn(async move {
                let post: Post = client
                    .get(url)
                    .send()
                    .await?
                    .error_for_status()?
                    .json()
                    .await?;
                Ok::<_, reqwest::Error>(post.title)
            })
        })
        .collect(); // every task started before any is awaited

    // Outer layer: the tasks themselves (a panic or a cancellation, neither of which happens).
    // Inner layer, untouched by `try_join_all`: each request's own result, in the order of `ids`.
    let results = try_join_all(tasks)
        .await
        .expect("a fetching task never panics");
    // The first `Err` in the order of `ids` stops the collect, whenever it happened.
    results.into_iter().collect()
}
