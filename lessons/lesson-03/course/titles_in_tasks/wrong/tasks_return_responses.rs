//! Wrong: breaks "being tasks, they make progress by themselves, not only while the caller is awaiting"
//! Each task only sends its request and checks the status, and hands the `Response` back; the
//! caller reads and decodes each body itself, in the order of `ids`, as it awaits the handles.
//! The learner split the work as "the network in the tasks, the decoding at home", without
//! noticing that reading the body is network work too: every request is on the wire together
//! and every status is known while the caller is busy elsewhere, but no body is read until the
//! caller gets round to that entry, one after another. With the small bodies of the mock the
//! socket buffers hide it (the titles and the first-failure-in-order both come out right); a
//! body larger than those buffers, or one that trickles in, is only drained while the caller
//! awaits, and body *i + 1* waits for body *i*.

use lesson_support::models::Post;
use reqwest::Client;

/// Fetches every title in tasks of their own: all of them in the order of `ids`, or the first
/// entry's failure.
pub async fn titles_in_tasks(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Result<Vec<String>, reqwest::Error> {
    // The requests, all at once: each task ends as soon as its answer's head is in.
    let tasks: Vec<_> = ids
        .iter()
        .map(|id| {
            let client = client.clone();
            let url = format!("{base_url}/posts/{id}");
            tokio::spawn(async move {
                let response = client.get(url).send().await?.error_for_status()?;
                Ok::<_, reqwest::Error>(response)
            })
        })
        .collect();

    // The decoding, here, in the order of `ids`, so the first failure met is the first listed.
    let mut titles = Vec::with_capacity(tasks.len());
    for task in tasks {
        let response = task.await.expect("a fetching task never panics")?;
        let post: Post = response.json().await?;
        titles.push(post.title);
    }
    Ok(titles)
}
