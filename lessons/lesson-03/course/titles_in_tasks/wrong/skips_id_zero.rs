//! Wrong: breaks "one task per entry of `ids`": an id of 0 is filtered out up front (JSONPlaceholder's ids start at 1, so it looks like a placeholder), so no request is sent for it and `Ok` has one title fewer instead of that entry's 404; every other id is fetched in its own task, in order, with the first entry's error.

use lesson_support::models::Post;
use reqwest::Client;

/// Fetches every title in tasks of their own: all of them in the order of `ids`, or the first
/// entry's failure.
pub async fn titles_in_tasks(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Result<Vec<String>, reqwest::Error> {
    // Post ids start at 1: a 0 is an unset id, not a post, so don't waste a request on it.
    let tasks: Vec<_> = ids
        .iter()
        .filter(|&&id| id != 0)
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
                Ok::<_, reqwest::Error>(post.title)
            })
        })
        .collect();

    // In the order of `ids`, so the first error is the first entry's.
    let mut titles = Vec::with_capacity(tasks.len());
    for task in tasks {
        titles.push(task.await.expect("a fetching task never panics")?);
    }
    Ok(titles)
}
