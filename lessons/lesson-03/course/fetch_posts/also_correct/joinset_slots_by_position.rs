//! Correct, written another way: every request is a task in a `tokio::task::JoinSet`, spawned
//! before any is awaited (so all are in flight at once), each with a `RequestBuilder` made from
//! `client` (a builder holds a clone of the client: same pool, same settings) and tagged with
//! its position in `ids`. The answers are taken in the order they finish and written into one
//! slot per position, so each entry keeps its own request's result in the order of `ids`. If
//! the caller drops the call, dropping the `JoinSet` aborts the tasks still running.

use lesson_support::models::Post;
use reqwest::Client;
use tokio::task::JoinSet;

/// Fetches the posts with the given ids concurrently; one result per id, in the order of `ids`.
pub async fn fetch_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<Result<Post, reqwest::Error>> {
    let mut tasks = JoinSet::new();
    for (position, id) in ids.iter().enumerate() {
        let request = client.get(format!("{base_url}/posts/{id}"));
        tasks.spawn(async move {
            let post: Result<Post, reqwest::Error> = async {
                request
                    .send()
                    .await?
                    .error_for_status()?
                    .json::<Post>()
                    .await
            }
            .await;
            (position, post)
        });
    }

    let mut slots: Vec<Option<Result<Post, reqwest::Error>>> =
        std::iter::repeat_with(|| None).take(ids.len()).collect();
    while let Some(joined) = tasks.join_next().await {
        match joined {
            Ok((position, post)) => slots[position] = Some(post),
            // A task that panicked: pass its panic on, as awaiting the future itself would.
            Err(err) if err.is_panic() => std::panic::resume_unwind(err.into_panic()),
            // Cancelled: only when the runtime shuts down, and then nobody awaits this call.
            Err(_) => {}
        }
    }
    slots.into_iter().flatten().collect()
}
