//! Correct: no `JoinHandle` is awaited and nothing is joined: each post's pipeline (GET, status, raw bytes on the runtime) hands its body to `spawn_blocking` and ends; the blocking thread, after the digest, posts `(place, Ok(value))` itself with `try_send` into a `tokio::sync::mpsc` channel sized to hold every entry (so it never waits), a failed request posts its `Err` there from the runtime, and the call fills its places from the channel until every sender is gone
//!
//! The pipelines and the collecting loop are driven together by one `join`, so every request is
//! in flight at once, each digest starts as soon as its body is in, and the results come back in
//! the order of `ids` whatever order they were posted in. The call ends when the last digest's
//! thread drops its sender, not before.

use futures::future::{join, join_all};
use reqwest::Client;
use tokio::sync::mpsc;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    // Room for one message per entry: `try_send` can never find the channel full.
    let (results, mut posted) =
        mpsc::channel::<(usize, Result<u64, reqwest::Error>)>(ids.len().max(1));
    let pipelines = join_all(ids.iter().enumerate().map(|(place, id)| {
        let results = results.clone();
        async move {
            let fetched: Result<_, reqwest::Error> = async {
                client
                    .get(format!("{base_url}/posts/{id}"))
                    .send()
                    .await?
                    .error_for_status()?
                    .bytes()
                    .await
            }
            .await;
            match fetched {
                Ok(body) => {
                    // Detached: the blocking thread posts its own result. A closed channel means
                    // the call was dropped, and then nobody wants the value.
                    drop(tokio::task::spawn_blocking(move || {
                        let value = digest(&body);
                        let _ = results.try_send((place, Ok(value)));
                    }));
                }
                Err(err) => {
                    let _ = results.try_send((place, Err(err)));
                }
            }
        }
    }));
    // Only the pipelines (and then the digest threads) hold senders now.
    drop(results);
    let mut places: Vec<Option<Result<u64, reqwest::Error>>> =
        std::iter::repeat_with(|| None).take(ids.len()).collect();
    let collect = async {
        while let Some((place, result)) = posted.recv().await {
            places[place] = Some(result);
        }
    };
    join(pipelines, collect).await;
    places
        .into_iter()
        .map(|place| place.expect("every entry posts exactly one result"))
        .collect()
}
