//! Correct: unusual because each request runs in a spawned task of a `JoinSet` (with a clone of `client`, which is the same client: same settings, same pool), results come back in completion order tagged with their index, and are put back in the order of `ids`; dropping the future aborts the tasks, so nothing outlives the call.
//! Exercise 3: count the comments of many posts at once (warm-up: `async move`).

use lesson_support::models::Comment;
use reqwest::Client;
use tokio::task::JoinSet;

/// Counts the comments of each post in `ids`, all at once: `(id, count)` in the order of `ids`.
pub async fn comment_counts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<(u64, Result<usize, reqwest::Error>)> {
    let mut set = JoinSet::new();
    for (index, &id) in ids.iter().enumerate() {
        let request = client.get(format!("{base_url}/posts/{id}/comments"));
        set.spawn(async move {
            let counted = async {
                let comments: Vec<Comment> =
                    request.send().await?.error_for_status()?.json().await?;
                Ok::<_, reqwest::Error>(comments.len())
            }
            .await;
            (index, counted)
        });
    }

    let mut slots: Vec<Option<Result<usize, reqwest::Error>>> =
        std::iter::repeat_with(|| None).take(ids.len()).collect();
    while let Some(joined) = set.join_next().await {
        let (index, counted) = joined.expect("a counting task never panics");
        slots[index] = Some(counted);
    }
    ids.iter()
        .zip(slots)
        .map(|(&id, slot)| (id, slot.expect("every index was filled")))
        .collect()
}
