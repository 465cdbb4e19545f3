//! Wrong: the "one task per entry of `ids`" clause: a single spawned task drives every request
//! with `join_all`. The requests are all in flight together and progress without the caller
//! (it is a task), the titles come back in the order of `ids`, and `collect` into a `Result`
//! gives the first error in that order; but there is one task, not one per entry.

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
    let client = client.clone();
    let urls: Vec<String> = ids
        .iter()
        .map(|id| format!("{base_url}/posts/{id}"))
        .collect();
    // One background task is enough: inside it `join_all` keeps every request in flight at
    // once, and being a task it runs whether or not we are awaiting it.
    let task = tokio::spawn(async move {
        let fetches = urls.into_iter().map(|url| {
            let client = &client;
            async move {
                let post: Post = client
                    .get(url)
                    .send()
                    .await?
                    .error_for_status()?
                    .json()
                    .await?;
                Ok::<_, reqwest::Error>(post.title)
            }
        });
        join_all(fetches).await
    });
    let results = task.await.expect("the fetching task never panics");
    results.into_iter().collect()
}
