//! Wrong: breaks "no retry": a 503 Service Unavailable (or 502, 504) is asked once more, after a short pause, before it counts as a failure; when the server keeps answering 503 the result is the same `Err` carrying the 503, just later, so only a count of the requests per post (or a tight time bound) shows it.
//!
//! A 503 "means try again later", and every HTTP library in Python has a retry adapter for it.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::{Client, StatusCode};

/// How long to wait before asking a busy server again.
const RETRY_PAUSE: Duration = Duration::from_millis(50);

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
                let mut response = client.get(&url).send().await?;
                if matches!(
                    response.status(),
                    StatusCode::BAD_GATEWAY
                        | StatusCode::SERVICE_UNAVAILABLE
                        | StatusCode::GATEWAY_TIMEOUT
                ) {
                    tokio::time::sleep(RETRY_PAUSE).await;
                    response = client.get(&url).send().await?;
                }
                let post: Post = response.error_for_status()?.json().await?;
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
