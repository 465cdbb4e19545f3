//! Wrong: breaks "a body that is not a post" (must be an error): it decodes only `{ title }` because that is all it needs, so a 200 whose JSON has a `title` but lacks `userId`/`id`/`body` is taken as a post.
//!
//! Exercise 6: all the titles, or the first failure, from tasks (warm-up: `?` in an async block).
//!
//! `titles_in_tasks` fetches every post in a task of its own and returns all their titles, or
//! the error of the first post that failed. Inside each task `?` is the natural way to stop at a
//! failure, but an `async` block has no signature to say which error type `?` converts into,
//! so the compiler asks you to name it. The chapter ("Warm-ups") shows that error, and the fix.
//!
//! The contract, which `cargo test -p lesson-03` checks:
//! - one task per entry of `ids` (`tokio::spawn`), all of them started before any is awaited,
//!   so that every request is in flight together, however many (no cap of your own); being tasks, they make progress by
//!   themselves, not only while the caller is awaiting; each sends one GET
//!   `{base_url}/posts/{id}` (an id listed twice is fetched twice), its URL made by appending
//!   to `base_url`, which may end in a path that must be kept, through a clone of `client`; no
//!   request for an empty `ids`;
//! - `Ok(titles)`, one title per entry of `ids` in the order of `ids`, when every request
//!   succeeded: the title of the post each answer carried, whatever its `id`; every call asks
//!   the server anew (nothing is remembered between calls);
//! - otherwise `Err(err)`: the error of the first entry *in the order of `ids`* whose request
//!   failed (not the first to fail in time): an error status (the error then carries it), a
//!   body that is not a post, a failed connection, a `base_url` that is no URL
//!   (`127.0.0.1:3000`: no scheme, and none added by you). No panic, no retry, no timeout of your own
//!   (the client's settings say how long to wait).

use reqwest::Client;
use serde::Deserialize;

/// The one field this function needs; serde ignores the rest of the post.
#[derive(Deserialize)]
struct TitleOnly {
    title: String,
}

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
                let post: TitleOnly = client
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
