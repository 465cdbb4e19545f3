//! Wrong: collects the handles in a `FuturesUnordered` and stops at the first `Err` that
//! comes out, the first failure in time; the titles are then put back in order by position.

use futures::StreamExt;
use futures::stream::FuturesUnordered;
use lesson_support::models::Post;
use reqwest::Client;

/// Fetches every title in tasks of their own: all of them in the order of `ids`, or the first
/// entry's failure.
pub async fn titles_in_tasks(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Result<Vec<String>, reqwest::Error> {
    let mut running: FuturesUnordered<_> = ids
        .iter()
        .enumerate()
        .map(|(position, id)| {
            let client = client.clone();
            let url = format!("{base_url}/posts/{id}");
            let task = tokio::spawn(async move {
                let post: Post = client
                    .get(url)
                    .send()
                    .await?
                    .error_for_status()?
                    .json()
                    .await?;
                Ok::<_, reqwest::Error>(post.title)
            });
            async move { (position, task.await.expect("the task does not panic")) }
        })
        .collect();
    let mut titles = vec![String::new(); ids.len()];
    while let Some((position, result)) = running.next().await {
        titles[position] = result?;
    }
    Ok(titles)
}
