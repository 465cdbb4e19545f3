//! Wrong: "the error of the first entry in the order of `ids` whose request failed" is broken when that failure got no answer at all (a dropped or refused connection, `is_request()`) and a later entry failed otherwise: errors without an answer are held back ("a network hiccup; the server's own answer says more") and returned only if no other entry failed. With one failure, or failures that all got answers (the 503-late / 404-early pair), it returns exactly the first in order.

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
        .map(|id| {
            let client = client.clone();
            let url = format!("{base_url}/posts/{id}");
            tokio::spawn(async move {
                let post: Post = client
                    .get(url)
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
    let mut no_answer = None;
    for task in tasks {
        match task.await.expect("a fetching task never panics") {
            Ok(title) => titles.push(title),
            // The request never got an answer: a hiccup that says little. Keep looking for a
            // failure the server itself reported.
            Err(err) if err.is_request() => {
                no_answer.get_or_insert(err);
            }
            Err(err) => return Err(err),
        }
    }
    match no_answer {
        Some(err) => Err(err),
        None => Ok(titles),
    }
}
