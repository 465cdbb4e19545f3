//! Wrong: breaks "each sends one GET `{base_url}/posts/{id}`": it asks for `{base_url}/posts/{id}/` with a trailing slash (Django REST framework's canonical URLs), a different path; one task per id, spawned up front, the order of `ids`, the first entry's error and the base path are all right.

use lesson_support::models::Post;
use reqwest::Client;

/// Fetches every title in tasks of their own: all of them in the order of `ids`, or the first
/// entry's failure.
pub async fn titles_in_tasks(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Result<Vec<String>, reqwest::Error> {
    // One task per id, all spawned before any is awaited.
    let tasks: Vec<_> = ids
        .iter()
        .map(|id| {
            let client = client.clone();
            // Resource URLs end in a slash, so the server never has to redirect us.
            let url = format!("{base_url}/posts/{id}/");
            tokio::spawn(async move {
                let post: Post = client
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
