//! Wrong: breaks "`Ok(titles)`, one title per entry of `ids` in the order of `ids`, when every request succeeded": each title is returned `.trim()`med, so a title with leading or trailing spaces or a newline comes back changed; tasks, order, first failure in order, statuses, bodies and the URL are all right.

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
                let post: Post = client
                    .get(&url)
                    .send()
                    .await?
                    .error_for_status()?
                    .json()
                    .await?;
                // Titles typed into a CMS often carry a stray space or newline at the ends;
                // hand back clean ones, like Python's `.strip()`.
                Ok::<_, reqwest::Error>(post.title.trim().to_owned())
            })
        })
        .collect(); // all started before any is awaited

    let mut titles = Vec::with_capacity(tasks.len());
    for task in tasks {
        titles.push(task.await.expect("a fetching task never panics")?);
    }
    Ok(titles)
}
