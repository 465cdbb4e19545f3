//! Wrong: breaks "one title per entry of `ids`": every entry is fetched (repeats too), but `titles.dedup()` then drops a title equal to the one before it, so an id listed twice in a row (or two posts with the same title side by side) yields one title; a repeat that is not adjacent, such as `[1, 2, 1]`, keeps both, as `dedup` only removes neighbours.
//! Exercise 6: all the titles, or the first failure, from tasks (warm-up: `?` in an async block).
//!
//! `titles_in_tasks` fetches every post in a task of its own and returns all their titles, or
//! the error of the first post that failed.

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

    let mut titles = Vec::with_capacity(tasks.len());
    for task in tasks {
        titles.push(task.await.expect("a fetching task never panics")?);
    }
    // No duplicates in the answer (Python's `list(dict.fromkeys(titles))`).
    titles.dedup();
    Ok(titles)
}
