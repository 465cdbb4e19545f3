//! Correct, written another way: splits `ids` in two halves, runs a `join_all` per half, and awaits both halves together with `futures::future::join`, then appends the second half's results to the first's; every request is still in flight at once, and empty or one-element lists just give an empty half.

use futures::future::{join, join_all};
use lesson_support::models::Post;
use reqwest::Client;

/// Fetches the posts with the given ids concurrently; one result per id, in the order of `ids`.
pub async fn fetch_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<Result<Post, reqwest::Error>> {
    // One request future per id; the closure only copies two references, so it can be used
    // for both halves.
    let fetch_one = move |&id: &u64| async move {
        client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?
            .json::<Post>()
            .await
    };

    let (front, back) = ids.split_at(ids.len() / 2);
    // `join` polls both halves together, so both halves' requests are on the wire at once.
    let (mut results, back_results) = join(
        join_all(front.iter().map(fetch_one)),
        join_all(back.iter().map(fetch_one)),
    )
    .await;
    results.extend(back_results);
    results
}
