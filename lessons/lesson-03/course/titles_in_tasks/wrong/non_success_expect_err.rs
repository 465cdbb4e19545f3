//! Wrong: breaks "No panic": any answer that is not a 2xx is turned into its status error with `error_for_status().expect_err(..)`, but `error_for_status` only errors on 4xx and 5xx, so a 3xx the client does not follow (a 304, a 300 without `Location`) panics the task, and the `expect` on its handle panics the caller; 4xx/5xx, bodies that are not posts, failed connections, order and tasks are all right.

use lesson_support::models::Post;
use reqwest::Client;

/// Fetches every title in tasks of their own: all of them in the order of `ids`, or the first
/// entry's failure.
pub async fn titles_in_tasks(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Result<Vec<String>, reqwest::Error> {
    // Spawn every task first, so that all the requests are in flight together.
    let tasks: Vec<_> = ids
        .iter()
        .map(|id| {
            let client = client.clone();
            let url = format!("{base_url}/posts/{id}");
            tokio::spawn(async move {
                let response = client.get(url).send().await?;
                // Like `if not resp.ok: resp.raise_for_status()`: anything that is not a
                // success is reported as the status error.
                if !response.status().is_success() {
                    return Err(response
                        .error_for_status()
                        .expect_err("not a success status"));
                }
                let post: Post = response.json().await?;
                Ok::<_, reqwest::Error>(post.title)
            })
        })
        .collect();

    // Await them in the order of `ids`: the first error met is the first entry's.
    let mut titles = Vec::with_capacity(tasks.len());
    for task in tasks {
        titles.push(task.await.expect("a fetching task never panics")?);
    }
    Ok(titles)
}
