//! Correct: the tasks go in a `JoinSet` (its `spawn` is `tokio::spawn`), each tagged with its position; results are taken in the order they finish and filed in slots, and the caller returns as soon as the settled prefix of the list ends in an error (every entry before it succeeded), or when all succeeded. Before leaving early it detaches the tasks still running (dropping a `JoinSet` would abort them, perhaps before their GET is sent), so every request still goes out, as with dropped handles.

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
    let mut set = JoinSet::new();
    for (slot, &id) in ids.iter().enumerate() {
        let client = client.clone();
        let url = format!("{base_url}/posts/{id}");
        set.spawn(async move {
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
            (slot, title)
        });
    }

    let mut slots: Vec<Option<Result<String, reqwest::Error>>> = ids.iter().map(|_| None).collect();
    let mut titles = Vec::with_capacity(ids.len());
    while let Some(joined) = set.join_next().await {
        let (slot, title) = joined.expect("a fetching task never panics");
        slots[slot] = Some(title);
        // Move along the entries that are settled, in the order of `ids`.
        while titles.len() < slots.len() {
            match slots[titles.len()].take() {
                None => break,
                Some(Ok(title)) => titles.push(title),
                // Every entry before this one succeeded: it is the first failure in order.
                Some(Err(err)) => {
                    set.detach_all();
                    return Err(err);
                }
            }
        }
    }
    Ok(titles)
}
