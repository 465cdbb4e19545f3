//! Wrong: breaks "one task per entry of `ids` (`tokio::spawn`)": it spawns a single task that runs every request with `join_all` inside it; the requests are still all in flight together, make progress without the caller, use a clone of `client`, keep the order of `ids` and return the first failure in list order.

use futures::future::join_all;
use lesson_support::models::Post;
use reqwest::Client;

/// Fetches every title in tasks of their own: all of them in the order of `ids`, or the first
/// entry's failure.
pub async fn titles_in_tasks(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Result<Vec<String>, reqwest::Error> {
    // A spawned task must own everything it uses: a clone of the client (cheap, it is an Arc),
    // the base URL and the ids.
    let client = client.clone();
    let base_url = base_url.to_owned();
    let ids = ids.to_vec();

    // One task does the fetching in the background; inside it, `join_all` sends every request
    // at once, exactly as in the chapter.
    let task = tokio::spawn(async move {
        let requests = ids.iter().map(|id| {
            let request = client.get(format!("{base_url}/posts/{id}"));
            async move {
                let post: Post = request.send().await?.error_for_status()?.json().await?;
                Ok::<_, reqwest::Error>(post.title)
            }
        });
        // `join_all` keeps the order of `ids`, and collecting into a `Result` stops at the
        // first `Err` in that order, not the first one to happen.
        join_all(requests)
            .await
            .into_iter()
            .collect::<Result<Vec<String>, reqwest::Error>>()
    });

    task.await.expect("the fetching task never panics")
}
