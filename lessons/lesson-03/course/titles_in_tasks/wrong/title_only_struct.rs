//! Wrong: "a body that is not a post" must be an `Err`; this decodes into a local `struct Title { title: String }` (the Rust twin of `(await resp.json())["title"]`), so any JSON object with a string `title` (an album, a todo, `{"title": "x"}`) is taken for a post. Bodies without a `title` (`[]`, `{}`, `{"id": 1}`, text) still fail.

use reqwest::Client;
use serde::Deserialize;

/// Only what this function reads from a post.
#[derive(Deserialize)]
struct Title {
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
                let post: Title = client
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
        titles.push(task.await.expect("a fetching task never panics")?);
    }
    Ok(titles)
}
