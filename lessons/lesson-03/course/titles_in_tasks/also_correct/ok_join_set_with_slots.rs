//! Correct, written another way: a `tokio::task::JoinSet` spawns one task per entry, each tagged with its position in `ids`; the results are gathered in completion order into their slots, and only then read in the order of `ids`, so the first failure returned is the first in the list.
//!
//! `titles_in_tasks` fetches every post in a task of its own and returns all their titles, or
//! the error of the first post that failed.

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
    for (slot, id) in ids.iter().enumerate() {
        let client = client.clone();
        let url = format!("{base_url}/posts/{id}");
        tasks.spawn(async move {
            let outcome = async {
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
            (slot, outcome)
        });
    }

    let mut outcomes: Vec<Option<Result<String, reqwest::Error>>> =
        std::iter::repeat_with(|| None).take(ids.len()).collect();
    while let Some(joined) = tasks.join_next().await {
        let (slot, outcome) = joined.expect("a fetching task never panics");
        outcomes[slot] = Some(outcome);
    }

    // `collect` into a `Result` stops at the first `Err` in the order of `ids`.
    outcomes
        .into_iter()
        .map(|outcome| outcome.expect("every task filled its slot"))
        .collect()
}
