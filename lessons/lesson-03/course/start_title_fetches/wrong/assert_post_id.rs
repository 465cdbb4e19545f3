//! Wrong: breaks "a task never panics": each task asserts that the post it got back has the id it asked for (Python's `assert post["id"] == post_id`), so a server that answers `/posts/7` with some other post makes the task panic instead of ending in `Ok(title)`; fixtures that echo the right id never trip it.
//! Exercise 4: start fetches that outlive the caller (warm-up: `tokio::spawn` and `'static`).
//!
//! `start_title_fetches` is a plain `fn`, not an `async fn`: it starts one task per post and
//! hands back their handles at once.

use lesson_support::models::Post;
use reqwest::Client;
use tokio::task::JoinHandle;

/// Starts fetching the title of every post in `ids`; one handle per entry, in the order of `ids`.
pub fn start_title_fetches(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<JoinHandle<Result<String, reqwest::Error>>> {
    ids.iter()
        .map(|&id| {
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
                // Sanity check: the server must send back the post we asked for.
                assert_eq!(post.id, id, "asked for post {id}, got post {}", post.id);
                Ok(post.title)
            })
        })
        .collect()
}
