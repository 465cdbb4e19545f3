//! Correct: each post's pipeline is a small state machine polled by hand (`std::future::poll_fn`):
//! asking (the boxed `send()`), reading (the status checked, then the raw bytes, which start the
//! digest on `spawn_blocking` the moment they are in), digesting (the `JoinHandle` polled); the
//! pipelines are run together by `join_all`, so the requests and bodies are all on the runtime, all
//! in flight at once, and only the digest leaves it.

use std::future::Future;
use std::pin::Pin;
use std::task::Poll;

use futures::future::join_all;
use reqwest::{Client, Response};
use tokio::task::JoinHandle;

type Boxed<T> = Pin<Box<dyn Future<Output = Result<T, reqwest::Error>> + Send>>;

/// Where one post's pipeline is.
enum Stage {
    /// The GET is on its way; its head is awaited.
    Asking(Boxed<Response>),
    /// A good head is in; its body is being read, and then handed to the blocking pool.
    Reading(Boxed<JoinHandle<u64>>),
    /// The digest runs on the blocking pool.
    Digesting(JoinHandle<u64>),
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids
        .iter()
        .map(|id| pipeline(client, format!("{base_url}/posts/{id}"), digest));
    join_all(each).await
}

async fn pipeline(
    client: &Client,
    url: String,
    digest: fn(&[u8]) -> u64,
) -> Result<u64, reqwest::Error> {
    let mut stage = Stage::Asking(Box::pin(client.get(url).send()));
    std::future::poll_fn(move |cx| {
        loop {
            stage = match &mut stage {
                Stage::Asking(head) => match head.as_mut().poll(cx) {
                    Poll::Pending => return Poll::Pending,
                    Poll::Ready(Err(err)) => return Poll::Ready(Err(err)),
                    Poll::Ready(Ok(response)) => match response.error_for_status() {
                        Err(err) => return Poll::Ready(Err(err)),
                        Ok(response) => Stage::Reading(Box::pin(async move {
                            let body = response.bytes().await?;
                            Ok::<_, reqwest::Error>(tokio::task::spawn_blocking(move || {
                                digest(&body)
                            }))
                        })),
                    },
                },
                Stage::Reading(body) => match body.as_mut().poll(cx) {
                    Poll::Pending => return Poll::Pending,
                    Poll::Ready(Err(err)) => return Poll::Ready(Err(err)),
                    Poll::Ready(Ok(handle)) => Stage::Digesting(handle),
                },
                Stage::Digesting(handle) => {
                    return match Pin::new(handle).poll(cx) {
                        Poll::Pending => Poll::Pending,
                        Poll::Ready(Ok(digested)) => Poll::Ready(Ok(digested)),
                        Poll::Ready(Err(err)) => std::panic::resume_unwind(err.into_panic()),
                    };
                }
            };
        }
    })
    .await
}
