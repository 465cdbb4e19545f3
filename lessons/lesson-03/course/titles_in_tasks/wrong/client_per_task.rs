//! Wrong: gives each task a `Client::new()` instead of a clone of `client`.

use lesson_support::models::Post;
use reqwest::Client;

/// Fetches every title in tasks of their own: all of them in the order of `ids`, or the first
/// entry's failure.
pub async fn titles_in_tasks(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Result<Vec<String>, reqwest::Error> {
    let _ = client;
    let tasks: Vec<_> = ids
        .iter()
        .map(|id| {
            let url = format!("{base_url}/posts/{id}");
            tokio::spawn(async move {
                let post: Post = Client::new()
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
        titles.push(task.await.expect("the task does not panic")?);
    }
    Ok(titles)
}
