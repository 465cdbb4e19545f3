//! Wrong: "an error status (the error then carries it)" is broken when the error's body is not a post: the body is decoded before the status is checked (aiohttp's `data = await resp.json(); resp.raise_for_status()`), so a 503 with an HTML or `{}` body returns the decode error, whose `status()` is `None`. A 404 whose body is a post still returns the 404, and the order-of-`ids` rule is kept.

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
                let response = client.get(url).send().await?;
                let status = response.error_for_status_ref().map(|_| ());
                let post: Post = response.json().await?;
                status?;
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
