//! Wrong: breaks "no retry": a request whose connection could not be made is sent once more after 250 ms; against a port where nothing listens the second try fails the same way (same error, and no server to count requests), and a dropped connection is not a connect error, so a check sees the same result either way.

use std::time::Duration;

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
                let response = match client.get(&url).send().await {
                    // Nothing listening yet (a server still starting): give it a moment, once.
                    Err(err) if err.is_connect() => {
                        tokio::time::sleep(Duration::from_millis(250)).await;
                        client.get(&url).send().await?
                    }
                    other => other?,
                };
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
