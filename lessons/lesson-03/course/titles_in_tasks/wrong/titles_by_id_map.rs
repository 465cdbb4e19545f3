//! Wrong: "otherwise Err(err): the error of the first entry in the order of ids whose request failed": the learner collects successes in a `HashMap` keyed by post id (Python's `{id: title}`) and only looks up an error for an id that has no title at all, so when an id listed twice fails once and succeeds once, that failure is hidden: `Ok` (its title twice) when it was the only failure, or a later entry's error when others failed too. Ids that appear once behave exactly as required.

use std::collections::HashMap;

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
            (id, task)
        })
        .collect(); // every task started before any is awaited

    // Titles by post id, and each id's first failure: a post has one title, however many
    // times it was asked for.
    let mut titles: HashMap<u64, String> = HashMap::new();
    let mut failures: HashMap<u64, reqwest::Error> = HashMap::new();
    for (id, task) in tasks {
        match task.await.expect("a fetching task never panics") {
            Ok(title) => {
                titles.insert(id, title);
            }
            Err(err) => {
                failures.entry(id).or_insert(err);
            }
        }
    }

    let mut ordered = Vec::with_capacity(ids.len());
    for id in ids {
        match titles.get(id) {
            Some(title) => ordered.push(title.clone()),
            None => {
                if let Some(err) = failures.remove(id) {
                    return Err(err);
                }
            }
        }
    }
    Ok(ordered)
}
