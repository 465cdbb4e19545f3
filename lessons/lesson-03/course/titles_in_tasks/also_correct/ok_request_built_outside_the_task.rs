//! Correct, written another way: each `RequestBuilder` is made from the borrowed `client` before spawning (a builder owns a clone of the client it came from), so the tasks move in a ready request instead of a client and a URL.

use lesson_support::models::Post;
use reqwest::Client;

/// Fetches every title in tasks of their own: all of them in the order of `ids`, or the first
/// entry's failure.
pub async fn titles_in_tasks(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Result<Vec<String>, reqwest::Error> {
    // `client.get(..)` sends nothing: it only prepares the request, and the builder it returns
    // carries its own (cheap) clone of `client`, so it is `'static` and may move into a task.
    let tasks: Vec<_> = ids
        .iter()
        .map(|id| client.get(format!("{base_url}/posts/{id}")))
        .map(|request| {
            tokio::spawn(async move {
                let post: Post = request.send().await?.error_for_status()?.json().await?;
                Ok::<_, reqwest::Error>(post.title)
            })
        })
        .collect(); // all spawned here, before the first handle is awaited

    let mut titles = Vec::with_capacity(tasks.len());
    for task in tasks {
        titles.push(task.await.expect("a fetching task never panics")?);
    }
    Ok(titles)
}
