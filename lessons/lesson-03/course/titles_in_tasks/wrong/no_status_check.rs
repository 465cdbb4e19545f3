//! Wrong: decodes the body without looking at the status, so a 404 whose body is a post
//! gives that post's title.

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
                let post: Post = client.get(url).send().await?.json().await?;
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
