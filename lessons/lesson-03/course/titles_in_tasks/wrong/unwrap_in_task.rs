//! Wrong: unwraps inside the task instead of naming the block's error type, so a failed
//! request panics its task, and the `expect` on the handle panics in turn.

use lesson_support::models::Post;
use reqwest::Client;

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
                let response = client.get(url).send().await.unwrap();
                let post: Post = response.error_for_status().unwrap().json().await.unwrap();
                post.title
            })
        })
        .collect();
    let mut titles = Vec::with_capacity(tasks.len());
    for task in tasks {
        titles.push(task.await.expect("the task does not panic"));
    }
    Ok(titles)
}
