//! Right: each request runs in its own `tokio::spawn`ed task, but the spawn happens inside the stream's lazy `.map`, so `buffer_unordered(limit.max(1))` only spawns a task when it pulls the next item, that is when a slot is free, and a slot is freed when its `JoinHandle` completes (the task has read the body); owned `Client` clone and URL for the `'static` task, a task's panic passed on with `resume_unwind`, then the `(position, result)` pairs sorted back into the order of `ids`.

use futures::StreamExt;
use futures::stream;
use lesson_support::models::Photo;
use reqwest::Client;

/// Fetches the photos with the given ids, at most `limit` requests at a time; one result per
/// id, in the order of `ids`.
pub async fn fetch_photos_bounded(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    limit: usize,
) -> Vec<Result<Photo, reqwest::Error>> {
    let mut fetched: Vec<(usize, Result<Photo, reqwest::Error>)> =
        stream::iter(ids.iter().copied().enumerate())
            // `map` is lazy: this closure runs only when `buffer_unordered` asks for the next
            // item, which it does only while fewer than its limit are running. So no task
            // exists before its slot does (unlike spawning them all up front).
            .map(|(position, id)| {
                let client = client.clone();
                let url = format!("{base_url}/photos/{id}");
                tokio::spawn(async move {
                    let result = async {
                        client
                            .get(url)
                            .send()
                            .await?
                            .error_for_status()?
                            .json::<Photo>()
                            .await
                    }
                    .await;
                    (position, result)
                })
            })
            .buffer_unordered(limit.max(1))
            .map(|joined| match joined {
                Ok(pair) => pair,
                Err(error) => match error.try_into_panic() {
                    Ok(payload) => std::panic::resume_unwind(payload),
                    Err(error) => panic!("a photo task was cancelled: {error}"),
                },
            })
            .collect()
            .await;
    fetched.sort_by_key(|&(position, _)| position);
    fetched.into_iter().map(|(_, result)| result).collect()
}
