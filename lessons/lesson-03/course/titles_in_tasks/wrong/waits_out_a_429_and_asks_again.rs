//! Wrong: breaks "No panic, no retry, no timeout of your own": a `429 Too Many Requests` is not reported but waited out, for as long as its `Retry-After` header asks (one second without one), and the GET is sent once more, whose answer then counts; the learner read that a 429 is the server saying "not now" (the course's mock server even sends `Retry-After` with it) and thinks honouring it is politeness rather than a retry. Every other failure is returned as the contract asks, so only a 429 shows it.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::header::RETRY_AFTER;
use reqwest::{Client, Response, StatusCode};

/// The wait a 429's `Retry-After` asks for, in whole seconds.
fn retry_after(response: &Response) -> Option<Duration> {
    let value = response.headers().get(RETRY_AFTER)?.to_str().ok()?;
    value.trim().parse::<u64>().ok().map(Duration::from_secs)
}

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
                if response.status() == StatusCode::TOO_MANY_REQUESTS {
                    // "Not now": come back when the server says, then ask again.
                    let wait = retry_after(&response).unwrap_or(Duration::from_secs(1));
                    tokio::time::sleep(wait).await;
                    response = client.get(&url).send().await?;
                }
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
