//! Wrong: breaks "`Ok(titles)`, one title per entry of `ids`": a post whose title is empty (or only spaces) is left out of the list ("a blank title is no title"), so the list is shorter than `ids` and no longer lines up with it; fixtures whose titles are all non-empty never show it.
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
        let title = task.await.expect("a fetching task never panics")?;
        if !title.trim().is_empty() {
            titles.push(title);
        }
    }
    Ok(titles)
}
