//! Correct: the task runs a helper `async fn` whose signature names the error type, so no
//! turbofish is needed; the handles are awaited in order with `?`.

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
        .map(|id| tokio::spawn(title(client.clone(), format!("{base_url}/posts/{id}"))))
        .collect();
    let mut titles = Vec::with_capacity(tasks.len());
    for task in tasks {
        let title = match task.await {
            Ok(result) => result?,
            Err(join_error) => std::panic::resume_unwind(join_error.into_panic()),
        };
        titles.push(title);
    }
    Ok(titles)
}

async fn title(client: Client, url: String) -> Result<String, reqwest::Error> {
    let post: Post = client
        .get(url)
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    Ok(post.title)
}
