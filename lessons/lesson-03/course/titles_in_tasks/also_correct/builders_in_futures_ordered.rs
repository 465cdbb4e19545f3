//! Correct, written another way: the caller builds each `RequestBuilder` (which `Client::get`
//! fills with a clone of `client` and the URL, or the URL's error) and moves it into its task,
//! so the task owns everything without a separate clone; the handles are collected into a
//! `FuturesOrdered` (collecting runs the `map` to the end: every task is spawned before any is
//! awaited), which yields them in the order of `ids`, so the first `Err` met is the first entry's
//! failure, returned as soon as every entry before it has its title.

use futures::stream::{FuturesOrdered, StreamExt};
use lesson_support::models::Post;
use reqwest::Client;

/// Fetches every title in tasks of their own: all of them in the order of `ids`, or the first
/// entry's failure.
pub async fn titles_in_tasks(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Result<Vec<String>, reqwest::Error> {
    let mut in_order: FuturesOrdered<_> = ids
        .iter()
        .map(|id| {
            // Owns a clone of `client` and the request (or the error of a URL that is no URL).
            let request = client.get(format!("{base_url}/posts/{id}"));
            tokio::spawn(async move {
                let post: Post = request.send().await?.error_for_status()?.json().await?;
                Result::<String, reqwest::Error>::Ok(post.title)
            })
        })
        .collect();

    let mut titles = Vec::with_capacity(ids.len());
    while let Some(joined) = in_order.next().await {
        // Outer layer: the task's own (these never panic); inner: the request's.
        titles.push(joined.expect("a fetching task never panics")?);
    }
    Ok(titles)
}
