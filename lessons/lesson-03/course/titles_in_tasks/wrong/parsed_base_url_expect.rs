//! Wrong: breaks "a `base_url` that is no URL (`127.0.0.1:3000`, its scheme left out) is an `Err`" and "never a panic": it checks the base URL up front with `Url::parse(base_url).expect(..)`, the tidy habit of validating input first, so a base URL without its scheme panics where `send()` would return the error; everything else is the reference's.

use lesson_support::models::Post;
use reqwest::Client;

/// Fetches every title in tasks of their own: all of them in the order of `ids`, or the first
/// entry's failure.
///
/// The contract is in the stub (`course/titles_in_tasks/stub.rs`).
pub async fn titles_in_tasks(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Result<Vec<String>, reqwest::Error> {
    // Check the input first: a base URL we cannot parse is the caller's bug.
    let _ = reqwest::Url::parse(base_url).expect("the caller passes a valid base URL");
    // Every task is started before the first is awaited: all the requests are on their way.
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
                // `?` converts each error into the block's error type, and an async block has
                // no signature that names it: the turbofish does (E0282 without it).
                Ok::<_, reqwest::Error>(post.title)
            })
        })
        .collect();
    let mut titles = Vec::with_capacity(tasks.len());
    // In the order of `ids`: the first `Err` met here is the first entry that failed, whenever
    // it failed. The outer `Result` is the task's own (it panicked, or was cancelled); these
    // tasks do neither, so its error is a bug worth stopping for, not a value to return.
    for task in tasks {
        titles.push(task.await.expect("a fetching task never panics")?);
    }
    Ok(titles)
}
