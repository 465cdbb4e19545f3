//! Correct: the tasks go into a `JoinSet` (tokio's `TaskGroup`), each tagged with its position;
//! they are drained in the order they finish, each result put in its slot, and only then are the
//! slots read in the order of `ids`, so the error returned is that of the first entry in the
//! list, whenever it happened. Catches a check that wants the handles awaited in order, or
//! `tokio::spawn` written out.

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
    for (position, id) in ids.iter().enumerate() {
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
            };
            (position, title.await)
        });
    }

    let mut slots: Vec<Option<Result<String, reqwest::Error>>> = ids.iter().map(|_| None).collect();
    while let Some(joined) = tasks.join_next().await {
        let (position, result) = joined.expect("a fetching task never panics");
        slots[position] = Some(result);
    }
    slots
        .into_iter()
        .map(|slot| slot.expect("every task reported its result"))
        .collect()
}
