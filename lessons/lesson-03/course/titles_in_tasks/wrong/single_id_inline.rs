//! Wrong: breaks "one task per entry of `ids` (`tokio::spawn`) ...; being tasks, they make progress by themselves, not only while the caller is awaiting": a single id is fetched inline, in the caller's future, with no task, as a shortcut ("one post needs no task"), so a one-id call makes no progress unless it is being awaited.
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

async fn fetch_title(client: &Client, url: &str) -> Result<String, reqwest::Error> {
    let post: Post = client
        .get(url)
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    Ok(post.title)
}

/// Fetches every title in tasks of their own: all of them in the order of `ids`, or the first
/// entry's failure.
pub async fn titles_in_tasks(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Result<Vec<String>, reqwest::Error> {
    // One post has nothing to run alongside: skip the task and its clone, fetch it right here.
    if let [id] = ids {
        let title = fetch_title(client, &format!("{base_url}/posts/{id}")).await?;
        return Ok(vec![title]);
    }

    let tasks: Vec<_> = ids
        .iter()
        .map(|id| {
            let client = client.clone();
            let url = format!("{base_url}/posts/{id}");
            tokio::spawn(async move { fetch_title(&client, &url).await })
        })
        .collect(); // every task started before any is awaited

    let mut titles = Vec::with_capacity(tasks.len());
    for task in tasks {
        titles.push(task.await.expect("a fetching task never panics")?);
    }
    Ok(titles)
}
