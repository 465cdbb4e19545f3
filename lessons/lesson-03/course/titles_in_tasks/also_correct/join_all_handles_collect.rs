//! Correct: the handles (all spawned by the `collect` before anything is awaited) are awaited together with `join_all`, not one by one, and the `Vec` of results is then collected into `Result<Vec<_>, _>`, which stops at the first `Err` in the order of `ids` whatever the order the tasks finished in; the task body is a helper `async fn`, so no turbofish is needed.
//! Exercise 6: all the titles, or the first failure, from tasks (warm-up: `?` in an async block).
//!
//! `titles_in_tasks` fetches every post in a task of its own and returns all their titles, or
//! the error of the first post that failed.

use futures::future::join_all;
use lesson_support::models::Post;
use reqwest::Client;

async fn fetch_title(client: Client, url: String) -> Result<String, reqwest::Error> {
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
    let handles: Vec<_> = ids
        .iter()
        .map(|id| {
            tokio::spawn(fetch_title(
                client.clone(),
                format!("{base_url}/posts/{id}"),
            ))
        })
        .collect();
    join_all(handles)
        .await
        .into_iter()
        .map(|joined| joined.expect("a fetching task never panics"))
        .collect()
}
