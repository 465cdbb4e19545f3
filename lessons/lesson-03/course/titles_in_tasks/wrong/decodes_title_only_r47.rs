//! Wrong: breaks "a body that is not a post"
//! Each task decodes the answer into a one-field struct, `{ title }`, instead of a whole `Post`:
//! "the function only returns titles, so why make serde check `userId`, `id` and `body`?". Plain
//! text, `{}`, a list, or a comment (it has a `name`, no `title`) are still rejected, so the usual
//! "200 that is not a post" bodies fail as they should. But any object that merely carries a
//! string `title` (an album, a to-do, `{"title": "x"}`, a post with its `body` missing) is taken
//! for a post and its title returned, where the contract wants that entry's decoding error.

use reqwest::Client;
use serde::Deserialize;

/// The one field of a post this function hands back.
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
        .collect(); // every task started before any is awaited

    let mut titles = Vec::with_capacity(tasks.len());
    for task in tasks {
        titles.push(task.await.expect("a fetching task never panics")?);
    }
    Ok(titles)
}
