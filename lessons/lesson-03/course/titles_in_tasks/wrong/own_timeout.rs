//! Wrong: breaks "`Ok(titles)` ... when every request succeeded" (and "through a clone of `client`", whose settings it overrides): each request gets its own 10 s timeout, so a post the course's client would have waited for (up to 30 s) ends the whole call in a timeout `Err`; every answer that comes within 10 s behaves exactly as it should.
//!
//! `session.get(url, timeout=aiohttp.ClientTimeout(total=10))`: "one slow post must not hold up the list".

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;

/// The longest a single post may take.
const PER_POST: Duration = Duration::from_secs(10);

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
                    .timeout(PER_POST)
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
        titles.push(task.await.expect("a fetching task never panics")?);
    }
    Ok(titles)
}
