//! Wrong: breaks "No panic, no retry, no timeout of your own": when the post that comes back has an `id` other than the one asked for, the task asks once more (the learner has been bitten by a cache or a proxy answering with the wrong object, and treats a mismatched id as a glitch worth a second GET); a mismatched post is still a post, the contract counts it as a success, and the second request is a retry, so that entry is fetched twice.

use lesson_support::models::Post;
use reqwest::Client;

/// One GET, with exercise 1's chain.
async fn fetch_post(client: &Client, url: &str) -> Result<Post, reqwest::Error> {
    client
        .get(url)
        .send()
        .await?
        .error_for_status()?
        .json::<Post>()
        .await
}

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
                let mut post = fetch_post(&client, &url).await?;
                if post.id != id {
                    // Another post than the one asked for: a stale cache on the way, ask again.
                    post = fetch_post(&client, &url).await?;
                }
                Ok::<_, reqwest::Error>(post.title)
            })
        })
        .collect(); // every task started before any is awaited

    let mut titles = Vec::with_capacity(tasks.len());
    for task in tasks {
        titles.push(task.await.expect("a fetching task never panics")?);
    }
    Ok(titles)
}
