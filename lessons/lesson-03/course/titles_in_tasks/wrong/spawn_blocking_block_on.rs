//! Wrong: breaks "one task per entry of `ids` (`tokio::spawn`)": each fetch runs on a thread of tokio's blocking pool (`spawn_blocking` + `Handle::block_on`, the learner's `run_in_executor`), not as a task; through a clone of `client`, each fetch makes progress on its own, results and the first-in-order error are right, and with answers slower than thread start-up every request is in flight together, so only a task count (or a peak-in-flight check with instant answers, or a paused clock) tells.
//! Exercise 6: all the titles, or the first failure, from tasks (warm-up: `?` in an async block).
//!
//! `titles_in_tasks` fetches every post in a task of its own and returns all their titles, or
//! the error of the first post that failed.

use lesson_support::models::Post;
use reqwest::Client;
use tokio::runtime::Handle;

/// Fetches every title in tasks of their own: all of them in the order of `ids`, or the first
/// entry's failure.
pub async fn titles_in_tasks(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Result<Vec<String>, reqwest::Error> {
    let runtime = Handle::current();
    let workers: Vec<_> = ids
        .iter()
        .map(|id| {
            let client = client.clone();
            let url = format!("{base_url}/posts/{id}");
            let runtime = runtime.clone();
            // One worker thread per post, like `loop.run_in_executor(None, fetch, id)`.
            tokio::task::spawn_blocking(move || {
                runtime.block_on(async move {
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
        })
        .collect();

    let mut titles = Vec::with_capacity(workers.len());
    for worker in workers {
        titles.push(worker.await.expect("a fetching thread never panics")?);
    }
    Ok(titles)
}
