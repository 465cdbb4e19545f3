//! Wrong: breaks "No panic": a guard against the chapter's "unbounded concurrency" pitfall, `assert!(ids.len() <= 500, ..)`, panics on any call with more than 500 ids, where the contract wants one task per entry and a result, however many ids there are.
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

use lesson_support::models::Post;
use reqwest::Client;

/// More tasks than this at once and we open as many connections: the chapter's "unbounded
/// concurrency" pitfall. Better to refuse loudly than to flood the server.
const MAX_AT_ONCE: usize = 500;

/// Fetches every title in tasks of their own: all of them in the order of `ids`, or the first
/// entry's failure.
pub async fn titles_in_tasks(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Result<Vec<String>, reqwest::Error> {
    assert!(
        ids.len() <= MAX_AT_ONCE,
        "{} posts at once is too many (at most {MAX_AT_ONCE}); split the list",
        ids.len()
    );

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
        .collect();

    let mut titles = Vec::with_capacity(tasks.len());
    for task in tasks {
        titles.push(task.await.expect("a fetching task never panics")?);
    }
    Ok(titles)
}
