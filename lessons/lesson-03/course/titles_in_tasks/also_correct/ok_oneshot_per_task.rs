//! Correct, written another way: the tasks are detached (their `JoinHandle`s dropped) and each one hands its result back through a `tokio::sync::oneshot` channel of its own; the caller awaits the receivers in the order of `ids`, so the first failure it meets is the first in the list.

use lesson_support::models::Post;
use reqwest::Client;
use tokio::sync::oneshot;

/// Fetches every title in tasks of their own: all of them in the order of `ids`, or the first
/// entry's failure.
pub async fn titles_in_tasks(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Result<Vec<String>, reqwest::Error> {
    // One channel per entry, like a Go goroutine with its own result channel. Every task is
    // spawned in this loop, before any receiver is awaited.
    let mut receivers = Vec::with_capacity(ids.len());
    for id in ids {
        let (sender, receiver) = oneshot::channel();
        let client = client.clone();
        let url = format!("{base_url}/posts/{id}");
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
            // If the caller already returned (an earlier entry failed), nobody is listening:
            // the result is simply dropped.
            let _ = sender.send(title);
        });
        receivers.push(receiver);
    }

    let mut titles = Vec::with_capacity(receivers.len());
    for receiver in receivers {
        // The outer layer only fails if the task died before sending, which these never do.
        titles.push(
            receiver
                .await
                .expect("every fetching task sends its result")?,
        );
    }
    Ok(titles)
}
