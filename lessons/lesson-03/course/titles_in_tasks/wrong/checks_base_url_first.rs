//! Wrong: breaks "`Ok(titles)`, one title per entry of `ids` in the order of `ids`, when every request succeeded"
//! Before spawning anything it checks `base_url` once with `client.get(base_url).build()?`
//! ("fail fast: a base URL that is no URL would fail every task the same way, so why spawn
//! them"). `build` sends nothing, so no request is made for an empty `ids`, and for a non-empty
//! `ids` the error is the same builder error the first entry's request would have returned. But
//! with an empty `ids` and a `base_url` that is no URL (`127.0.0.1:3000`) it returns `Err`,
//! where no request was asked for, none failed, and the answer is `Ok(vec![])`. The checks of an
//! empty `ids` use a working server, and those of a bad `base_url` use some ids: both pass.

use lesson_support::models::Post;
use reqwest::Client;

/// Fetches every title in tasks of their own: all of them in the order of `ids`, or the first
/// entry's failure.
pub async fn titles_in_tasks(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Result<Vec<String>, reqwest::Error> {
    // Fail fast: a `base_url` that is no URL fails every request the same way, so find out
    // once, before spawning a task per id. Building a request sends nothing.
    let _checked = client.get(base_url).build()?;

    // Every task is spawned here, before anything is awaited.
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
        titles.push(task.await.expect("a fetching task never panics")?);
    }
    Ok(titles)
}
