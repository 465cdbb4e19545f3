//! Wrong: breaks "`Ok(titles)`, one title per entry of `ids` in the order of `ids`"
//! It uses `tokio::task::JoinSet` (the chapter's twin of asyncio's `TaskGroup`): one task per
//! entry, all spawned at once, each handing back its id with its result. `JoinSet::join_all`
//! returns them in the order they *finished*, which the learner knows, so they put them back in
//! order... by sorting on the id, because the ids they tried were always `1..=n`. With ascending
//! ids that is exactly the order of `ids` (repeats included, the sort is stable), and the first
//! failure in sorted order is the first in the list; with unsorted ids (`[7, 3, 9]`) the titles
//! come back ascending, and the failure returned is that of the smallest failing id, not of the
//! first failing entry.

use lesson_support::models::Post;
use reqwest::Client;
use tokio::task::JoinSet;

/// Fetches every title in tasks of their own: all of them in the order of `ids`, or the first
/// entry's failure.
pub async fn titles_in_tasks(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Result<Vec<String>, reqwest::Error> {
    let mut tasks = JoinSet::new();
    for &id in ids {
        let client = client.clone();
        let url = format!("{base_url}/posts/{id}");
        tasks.spawn(async move {
            let title = async {
                let post: Post = client
                    .get(url)
                    .send()
                    .await?
                    .error_for_status()?
                    .json()
                    .await?;
                Ok::<_, reqwest::Error>(post.title)
            }
            .await;
            (id, title)
        });
    }

    // `join_all` gives the results as the tasks finished: put them back in the order of the ids.
    let mut results = tasks.join_all().await;
    results.sort_by_key(|&(id, _)| id);
    results.into_iter().map(|(_, title)| title).collect()
}
