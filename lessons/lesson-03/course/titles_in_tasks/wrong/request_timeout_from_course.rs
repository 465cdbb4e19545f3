//! Wrong: breaks "no timeout of your own (the client's settings say how long to wait)"
//! Each request carries `.timeout(REQUEST_TIMEOUT)`, the course's own 30 s from
//! `lesson_support::client`. The learner's reasoning: the tasks are detached, and after an early
//! `Err` nobody awaits the rest, so a request must never be able to hang forever, even when the
//! caller hands in a `Client::new()` (which has no timeout); and with the course's constant
//! "nothing changes" for the course's client. Indeed, with the client of
//! `lesson_support::client::client`, the per-request timeout equals the client's and no check
//! built on it can tell. But a request timeout overrides the client's: a client built with a
//! longer timeout (or none) sees a slow answer fail after 30 s as a timeout.

use lesson_support::client::REQUEST_TIMEOUT;
use lesson_support::models::Post;
use reqwest::Client;

/// Fetches every title in tasks of their own: all of them in the order of `ids`, or the first
/// entry's failure.
pub async fn titles_in_tasks(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Result<Vec<String>, reqwest::Error> {
    // Every task is spawned here, before anything is awaited.
    let tasks: Vec<_> = ids
        .iter()
        .map(|id| {
            let client = client.clone();
            let url = format!("{base_url}/posts/{id}");
            tokio::spawn(async move {
                // A detached task must not be able to hang forever, whatever client it got.
                let post: Post = client
                    .get(url)
                    .timeout(REQUEST_TIMEOUT)
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
