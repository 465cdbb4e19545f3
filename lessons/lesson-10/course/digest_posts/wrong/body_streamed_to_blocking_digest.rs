//! Wrong: breaks "the requests, their bodies included, are sent and read by async code on the runtime, not from inside `spawn_blocking` or a thread of your own (a blocking thread held for a request, or while a body arrives, is one fewer for blocking work)"
//! The learner wants to "hash while downloading", like Python's `for chunk in resp.iter_content():
//! h.update(chunk)`: the moment the head is in, the digest's blocking task is started, and the
//! body's chunks, read by async code on the runtime with `Response::chunk`, are forwarded to it
//! over a channel, where they are gathered and digested once the last one is in. No body is read
//! inside `spawn_blocking`, but a blocking thread sits in `blocking_recv` for as long as the body
//! takes to arrive.

use futures::future::join_all;
use reqwest::Client;
use tokio::sync::mpsc;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|id| async move {
        let mut response = client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?;
        // `Some(chunk)`: more of the body; `None`: the body is whole. A channel closed without a
        // `None` means the body broke off, and then nothing is digested.
        let (chunks, mut arriving) = mpsc::unbounded_channel::<Option<Vec<u8>>>();
        let digesting = tokio::task::spawn_blocking(move || {
            let mut body = Vec::new();
            while let Some(message) = arriving.blocking_recv() {
                match message {
                    Some(chunk) => body.extend_from_slice(&chunk),
                    None => return Some(digest(&body)),
                }
            }
            None
        });
        let read = async {
            while let Some(chunk) = response.chunk().await? {
                // The receiver waits for the `None` below: a send cannot fail.
                let _ = chunks.send(Some(chunk.to_vec()));
            }
            let _ = chunks.send(None);
            Ok::<(), reqwest::Error>(())
        }
        .await;
        drop(chunks);
        let digested = digesting
            .await
            .unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic()));
        match (read, digested) {
            (Err(err), _) => Err(err),
            (Ok(()), Some(value)) => Ok::<u64, reqwest::Error>(value),
            (Ok(()), None) => unreachable!("a body read to its end was sent whole"),
        }
    });
    join_all(each).await
}
