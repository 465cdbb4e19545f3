//! Correct: no `join_all`, no stream, no spawned task: one `std::future::poll_fn` drives a vector
//! of boxed pipelines by hand (request and body on the runtime, digest awaited on
//! `spawn_blocking`), polling each unfinished one on every wake-up and storing its result in the
//! slot of its position, so every request is in flight at once and the order is that of `ids`.

use std::future::Future;
use std::pin::Pin;
use std::task::Poll;

use reqwest::Client;

type Outcome = Result<u64, reqwest::Error>;
type Pipeline<'a> = Pin<Box<dyn Future<Output = Outcome> + Send + 'a>>;

/// One post: the GET, its status, its raw bytes, then the digest on the blocking pool.
fn pipeline<'a>(
    client: &'a Client,
    base_url: &'a str,
    id: u64,
    digest: fn(&[u8]) -> u64,
) -> Pipeline<'a> {
    Box::pin(async move {
        let body = client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        match tokio::task::spawn_blocking(move || digest(&body)).await {
            Ok(value) => Ok(value),
            Err(err) => std::panic::resume_unwind(err.into_panic()),
        }
    })
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let mut running: Vec<Option<Pipeline<'_>>> = ids
        .iter()
        .map(|&id| Some(pipeline(client, base_url, id, digest)))
        .collect();
    let mut slots: Vec<Option<Outcome>> = ids.iter().map(|_| None).collect();
    std::future::poll_fn(|cx| {
        let mut unfinished = false;
        for (pipeline, slot) in running.iter_mut().zip(slots.iter_mut()) {
            if let Some(future) = pipeline {
                match future.as_mut().poll(cx) {
                    Poll::Ready(outcome) => {
                        *slot = Some(outcome);
                        *pipeline = None;
                    }
                    Poll::Pending => unfinished = true,
                }
            }
        }
        if unfinished {
            Poll::Pending
        } else {
            Poll::Ready(())
        }
    })
    .await;
    // Every slot is filled: the loop above ends only when no pipeline is left.
    slots.into_iter().flatten().collect()
}
