//! Wrong: breaks "goes to `digest` once, as soon as that body is in: a digest never waits for other requests"
//! Every request goes out at once (a `FuturesUnordered` of `send()`s), and a loop takes the
//! answers' heads as they come, reads that answer's body, and starts its digest on the blocking
//! pool at once. But the loop reads one body at a time: while it awaits a body that trickles in
//! slowly after its head, bodies already in sit unread and undigested. With bodies that arrive
//! with their heads (a mock's delay delays both), every digest still starts as its answer lands.
//! A learner writes it as "heads as they arrive, then the body", the pattern of a server loop.

use futures::stream::{FuturesUnordered, StreamExt};
use reqwest::Client;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    // Every request in flight at once; each gives its position in `ids` and its answer's head.
    let mut heads: FuturesUnordered<_> = ids
        .iter()
        .enumerate()
        .map(|(pos, id)| {
            let request = client.get(format!("{base_url}/posts/{id}"));
            async move { (pos, request.send().await) }
        })
        .collect();

    let mut slots: Vec<Option<Result<u64, reqwest::Error>>> = ids.iter().map(|_| None).collect();
    let mut running = Vec::new();
    while let Some((pos, head)) = heads.next().await {
        // The first head in: read its body, then start its digest right away.
        let body = match head.and_then(|response| response.error_for_status()) {
            Ok(response) => response.bytes().await,
            Err(err) => Err(err),
        };
        match body {
            Ok(bytes) => running.push((pos, tokio::task::spawn_blocking(move || digest(&bytes)))),
            Err(err) => slots[pos] = Some(Err(err)),
        }
    }
    // The digests all started as their bodies came in; collect what they give.
    for (pos, handle) in running {
        let value = match handle.await {
            Ok(value) => value,
            Err(err) => std::panic::resume_unwind(err.into_panic()),
        };
        slots[pos] = Some(Ok(value));
    }
    slots.into_iter().flatten().collect()
}
