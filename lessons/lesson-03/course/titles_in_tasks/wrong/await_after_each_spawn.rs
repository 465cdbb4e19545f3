//! Wrong: awaits each task right after spawning it, so the requests go one after another.

use lesson_support::models::Post;
use reqwest::Client;

/// Fetches every title in tasks of their own: all of them in the order of `ids`, or the first
/// entry's failure.
pub async fn titles_in_tasks(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Result<Vec<String>, reqwest::Error> {
    let mut titles = Vec::new();
    for id in ids {
        let client = client.clone();
        let url = format!("{base_url}/posts/{id}");
        let task = tokio::spawn(async move {
            let post: Post = client
                .get(url)
                .send()
                .await?
                .error_for_status()?
                .json()
                .await?;
            Ok::<_, reqwest::Error>(post.title)
        });
        titles.push(task.await.expect("the task does not panic")?);
    }
    Ok(titles)
}
