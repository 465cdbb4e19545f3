//! Wrong: breaks "no timeout of your own (the client's settings say how long to wait)" and "no panic": each handle is awaited under a 35 s watchdog that panics when it fires; with the course's 30 s client it never fires, so only a client allowed to wait longer than 35 s shows it.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;

/// A little more than the course client's 30 s: a task still running then is stuck.
const WATCHDOG: Duration = Duration::from_secs(35);

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

    let mut titles = Vec::with_capacity(tasks.len());
    for task in tasks {
        let joined = tokio::time::timeout(WATCHDOG, task)
            .await
            .expect("a fetch outlived the client's own timeout: the task is stuck");
        titles.push(joined.expect("a fetching task never panics")?);
    }
    Ok(titles)
}
