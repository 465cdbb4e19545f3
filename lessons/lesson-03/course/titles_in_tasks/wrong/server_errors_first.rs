//! Wrong: the error returned is that of the first failing entry in the order of `ids`; here every handle is awaited and a server error (5xx) anywhere in the list is returned before any other failure ("the server is broken, that is what to report"), so a 404 or a bad body earlier in the list loses to a later 503.

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
        .map(|&id| {
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
        .collect(); // every task started before any is awaited

    let mut results = Vec::with_capacity(tasks.len());
    for task in tasks {
        results.push(task.await.expect("a fetching task never panics"));
    }
    // A 5xx means the server itself is in trouble: report that before anything else.
    let server_error = results.iter().position(|result| {
        matches!(result, Err(err) if err.status().is_some_and(|status| status.is_server_error()))
    });
    if let Some(position) = server_error {
        results.swap_remove(position)?;
    }
    // Otherwise the first failure in the order of `ids`, or every title.
    results.into_iter().collect()
}
