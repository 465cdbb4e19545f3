//! Correct, written another way: no handle is ever awaited; each spawned task sends its position and its result down one `mpsc` channel, the caller drops its own sender, drains the channel into one slot per entry, and collects the slots in the order of `ids`, which yields the first entry's error.

use lesson_support::models::Post;
use reqwest::Client;
use tokio::sync::mpsc;

/// Fetches every title in a task of its own; the tasks report over a channel, and the titles
/// come back in the order of `ids`, or the first entry's failure.
pub async fn titles_in_tasks(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Result<Vec<String>, reqwest::Error> {
    let (reports, mut inbox) = mpsc::unbounded_channel();
    for (position, id) in ids.iter().enumerate() {
        let client = client.clone();
        let url = format!("{base_url}/posts/{id}");
        let reports = reports.clone();
        tokio::spawn(async move {
            let title = async {
                let post: Post = client
                    .get(&url)
                    .send()
                    .await?
                    .error_for_status()?
                    .json()
                    .await?;
                Ok::<_, reqwest::Error>(post.title)
            }
            .await;
            let _ = reports.send((position, title));
        });
    }
    drop(reports);

    let mut slots: Vec<Option<Result<String, reqwest::Error>>> = ids.iter().map(|_| None).collect();
    while let Some((position, title)) = inbox.recv().await {
        slots[position] = Some(title);
    }

    slots
        .into_iter()
        .map(|slot| slot.expect("every task reports before its sender is dropped"))
        .collect()
}
