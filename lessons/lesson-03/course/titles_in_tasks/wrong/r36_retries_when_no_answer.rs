//! Wrong: breaks "No panic, no retry": a request that got no answer at all (connection refused or dropped, but not a timeout) is sent a second time before its error counts; statuses and bad bodies are not retried, and tasks, order and first-in-list failure are right.

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
                // Like requests' `HTTPAdapter(max_retries=1)`: when the server never answered
                // (refused, reset), try once more. A status is a real answer, so no retry for
                // it; and a timeout has already waited long enough, so no retry for that either.
                let response = match client.get(&url).send().await {
                    Ok(response) => response,
                    Err(err) if (err.is_connect() || err.is_request()) && !err.is_timeout() => {
                        client.get(&url).send().await?
                    }
                    Err(err) => return Err(err),
                };
                let post: Post = response.error_for_status()?.json().await?;
                Ok::<_, reqwest::Error>(post.title)
            })
        })
        .collect(); // every task started before any is awaited

    let mut titles = Vec::with_capacity(tasks.len());
    for task in tasks {
        titles.push(task.await.expect("a fetching task never panics")?);
    }
    Ok(titles)
}
