//! Wrong: breaks "the handles in the order of `ids`": the ids are copied and sorted first ("so
//! the server reads posts in order"), so the handles come back in ascending id order. Repeats
//! keep their own task, every request starts at once, each result is right: only an unsorted
//! `ids` shows it.

use lesson_support::models::Post;
use reqwest::Client;
use tokio::task::JoinHandle;

/// Starts fetching the title of every post in `ids`; one handle per entry, in the order of `ids`.
pub fn start_title_fetches(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<JoinHandle<Result<String, reqwest::Error>>> {
    let mut ordered = ids.to_vec();
    ordered.sort_unstable();
    ordered
        .into_iter()
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
                Ok(post.title)
            })
        })
        .collect()
}
