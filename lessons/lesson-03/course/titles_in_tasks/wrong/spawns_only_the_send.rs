//! Wrong: breaks "being tasks, they make progress by themselves, not only while the caller is awaiting": each task only sends the request (`tokio::spawn(request.send())`), and the status check, the body read and the decoding happen in the caller, one entry after another as it awaits the handles; every request is still spawned before any await, in flight together, in the order of `ids`, first failure in order, no retry, no timeout of its own.

use lesson_support::models::Post;
use reqwest::Client;

/// Fetches every title in tasks of their own: all of them in the order of `ids`, or the first
/// entry's failure.
pub async fn titles_in_tasks(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Result<Vec<String>, reqwest::Error> {
    // `send()` already returns a future that owns everything it needs (the builder holds its
    // own clone of the client), so it can go straight into `tokio::spawn`: no `async move`
    // block, and no error type to name for `?`.
    let requests: Vec<_> = ids
        .iter()
        .map(|id| tokio::spawn(client.get(format!("{base_url}/posts/{id}")).send()))
        .collect(); // every request is on its way before we await the first one

    let mut titles = Vec::with_capacity(requests.len());
    for request in requests {
        // Outer layer: the task (it never panics). Inner layer: the request itself.
        let response = request.await.expect("a sending task never panics")?;
        let post: Post = response.error_for_status()?.json().await?;
        titles.push(post.title);
    }
    Ok(titles)
}
