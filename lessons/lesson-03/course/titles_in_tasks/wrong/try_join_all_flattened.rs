//! Wrong: flattens each handle's two `Result`s and runs them with `try_join_all`, which
//! returns the first error to happen in time, not the first in the order of `ids`.

use futures::future::try_join_all;
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
                    .send()
                    .await?
                    .error_for_status()?
                    .json()
                    .await?;
                Ok::<_, reqwest::Error>(post.title)
            })
        })
        .collect();
    try_join_all(
        tasks
            .into_iter()
            .map(|task| async { task.await.expect("the task does not panic") }),
    )
    .await
}
