//! Correct, written another way: each request is built from `client` in the caller and moved into a task of a `JoinSet`; the tasks report their position with their result, and the results are written into one slot per entry as the tasks finish, then read out in the order of `ids`.

use lesson_support::models::Post;
use reqwest::Client;
use tokio::task::JoinSet;

/// Fetches the posts with the given ids concurrently, in tasks; one result per id, in the
/// order of `ids`.
pub async fn fetch_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<Result<Post, reqwest::Error>> {
    let mut tasks = JoinSet::new();
    for (position, id) in ids.iter().enumerate() {
        let request = client.get(format!("{base_url}/posts/{id}"));
        tasks.spawn(async move {
            let post = async {
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

    let mut slots: Vec<Option<Result<Post, reqwest::Error>>> = ids.iter().map(|_| None).collect();
    while let Some(joined) = tasks.join_next().await {
        if let Ok((position, post)) = joined {
            slots[position] = Some(post);
        }
    }

    slots.into_iter().flatten().collect()
}
