//! Wrong: breaks "a body that is not a post": such a body must make an `Err`, but it decodes each body into a struct with only a `title` field, so a 200 whose JSON has a `title` but lacks `userId`, `id` or `body` (an album, say) comes back as `Ok`; tasks, order of `ids`, first failure in list order, statuses and URLs are all right.

use reqwest::Client;
use serde::Deserialize;

/// The one field this function needs from a post; serde ignores the rest of the JSON.
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
    // Spawn everything first, so every request is in flight before we wait for any of them.
    let tasks: Vec<_> = ids
        .iter()
        .map(|id| {
            let client = client.clone();
            let url = format!("{base_url}/posts/{id}");
            tokio::spawn(async move {
                // Like `resp.json()["title"]` in Python: only ask serde for the title.
                let post: Titled = client
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

    // Await in the order of `ids`: the first `Err` we meet is the first in the list.
    let mut titles = Vec::with_capacity(tasks.len());
    for task in tasks {
        titles.push(task.await.expect("a fetching task never panics")?);
    }
    Ok(titles)
}
