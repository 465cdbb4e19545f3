//! Correct: unusual because, after spawning every task, it awaits all the handles together with
//! `join_all` (so it waits for every request, even after a failure), and only then picks the
//! answer: `collect` into `Result<Vec<_>, _>` stops at the first `Err` in the order of `ids`.
//! Each task gets its client through `client.clone().get(..)`, built before the spawn, so the
//! block moves in only an owned `RequestBuilder`.

use futures::future::join_all;
use lesson_support::models::Post;
use reqwest::Client;

/// Fetches every title in tasks of their own: all of them in the order of `ids`, or the first
/// entry's failure.
pub async fn titles_in_tasks(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Result<Vec<String>, reqwest::Error> {
    let mut handles = Vec::new();
    for &id in ids {
        let request = client.clone().get(format!("{base_url}/posts/{id}"));
        handles.push(tokio::spawn(async move {
            let response = request.send().await?;
            let post = response.error_for_status()?.json::<Post>().await?;
            Ok::<_, reqwest::Error>(post.title)
        }));
    }
    join_all(handles)
        .await
        .into_iter()
        .map(|joined| joined.expect("a fetching task never panics"))
        .collect()
}
