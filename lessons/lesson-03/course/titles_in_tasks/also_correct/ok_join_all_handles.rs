//! Correct, written another way: spawns every task, then `join_all`s the handles (so it waits for every task even after a failure) and collects the `Vec<Result<..>>` into a `Result<Vec<..>>`, which yields the first `Err` in the order of `ids`.

use futures::future::join_all;
use lesson_support::models::Post;
use reqwest::Client;
use tokio::task::JoinHandle;

/// Fetches every title in tasks of their own: all of them in the order of `ids`, or the first
/// entry's failure.
pub async fn titles_in_tasks(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Result<Vec<String>, reqwest::Error> {
    let mut handles: Vec<JoinHandle<Result<String, reqwest::Error>>> = Vec::new();
    for id in ids {
        let client = client.clone();
        let url = format!("{base_url}/posts/{id}");
        // The handle's type is written out above, so `?` inside knows its error type.
        handles.push(tokio::spawn(async move {
            let post: Post = client
                .get(url)
                .send()
                .await?
                .error_for_status()?
                .json()
                .await?;
            Ok(post.title)
        }));
    }

    // `join_all` keeps the order of the handles, whatever order the tasks finish in.
    join_all(handles)
        .await
        .into_iter()
        .map(|joined| joined.expect("a fetching task never panics"))
        .collect()
}
