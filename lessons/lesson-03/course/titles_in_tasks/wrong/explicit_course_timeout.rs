//! Wrong: "no timeout of your own (the client's settings say how long to wait)"; here every request sets `.timeout(lesson_support::client::REQUEST_TIMEOUT)` ("explicit is better than implicit"), which overrides whatever timeout the given client has. With the course's client it is the same 30 s, so only a client with a longer (or no) timeout shows the difference.
//! Exercise 6: all the titles, or the first failure, from tasks (warm-up: `?` in an async block).

use lesson_support::client::REQUEST_TIMEOUT;
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
                let post: Post = client
                    .get(url)
                    .timeout(REQUEST_TIMEOUT) // never wait longer than the course allows
                    .send()
                    .await?
                    .error_for_status()?
                    .json()
                    .await?;
                Ok::<_, reqwest::Error>(post.title)
            })
        })
        .collect();

    let mut titles = Vec::with_capacity(ids.len());
    for task in tasks {
        titles.push(task.await.expect("a fetching task never panics")?);
    }
    Ok(titles)
}
