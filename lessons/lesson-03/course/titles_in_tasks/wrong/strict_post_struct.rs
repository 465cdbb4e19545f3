//! Wrong: breaks "`Ok(titles)` ... when every request succeeded": the learner's own post struct has `#[serde(deny_unknown_fields)]` ("validate strictly"), so a genuine post that carries one more field than the four named (a real API adding `tags`, say) is rejected as "not a post" and the whole call fails; posts with exactly `userId`, `id`, `title`, `body` pass.
//! Exercise 6: all the titles, or the first failure, from tasks (warm-up: `?` in an async block).
//!
//! `titles_in_tasks` fetches every post in a task of its own and returns all their titles, or
//! the error of the first post that failed.

use reqwest::Client;
use serde::Deserialize;

/// A post, exactly as the API describes it: anything else in the body means it is not a post.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[allow(dead_code)] // every field is checked by decoding, only `title` is used
struct StrictPost {
    user_id: u64,
    id: u64,
    title: String,
    body: String,
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
        .map(|id| {
            let client = client.clone();
            let url = format!("{base_url}/posts/{id}");
            tokio::spawn(async move {
                let post: StrictPost = client
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
    Ok(titles)
}
