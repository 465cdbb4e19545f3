//! Wrong: breaks "otherwise `Err(err)`: ... a body that is not a post": like `(await resp.json())["title"]`, it decodes each body into a struct with only a `title` field, so any JSON object that has a title (an album, a to-do, a post missing its `body`) is taken as a post and its title returned.
//!
//! `titles_in_tasks` fetches every post in a task of its own and returns all their titles, or
//! the error of the first post that failed.

use reqwest::Client;
use serde::Deserialize;

/// The one field of a post this function needs; serde ignores the rest.
#[derive(Deserialize)]
struct Titled {
    title: String,
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
                let titled: Titled = client
                    .get(url)
                    .send()
                    .await?
                    .error_for_status()?
                    .json()
                    .await?;
                Ok::<_, reqwest::Error>(titled.title)
            })
        })
        .collect();

    let mut titles = Vec::with_capacity(tasks.len());
    for task in tasks {
        titles.push(task.await.expect("a fetching task never panics")?);
    }
    Ok(titles)
}
