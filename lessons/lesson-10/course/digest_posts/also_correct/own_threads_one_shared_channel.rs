//! Correct: the asyncio `loop.call_soon_threadsafe(queue.put_nowait, ..)` shape: each digest runs
//! on a `std::thread` of its own that sends `(position, digest)` into one unbounded channel per
//! call; the fetches (GET, status, raw bytes, all on the runtime and all at once) and the
//! draining of that channel run side by side in `tokio::join!`, and the channel closes when the
//! last fetch and the last digest thread have let go of their senders.

use std::collections::HashMap;

use futures::future::join_all;
use reqwest::Client;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let (digested, mut digests) = tokio::sync::mpsc::unbounded_channel::<(usize, u64)>();

    let fetches = async move {
        // Moved in here, so the channel's first sender goes when the last fetch is done.
        let digested = digested;
        let each = ids.iter().enumerate().map(|(position, id)| {
            let digested = digested.clone();
            async move {
                let body = client
                    .get(format!("{base_url}/posts/{id}"))
                    .send()
                    .await?
                    .error_for_status()?
                    .bytes()
                    .await?;
                std::thread::spawn(move || {
                    // The receiver lives until every sender is gone: this cannot fail.
                    let _ = digested.send((position, digest(&body)));
                });
                Ok::<(), reqwest::Error>(())
            }
        });
        join_all(each).await
    };
    let collected = async {
        let mut by_position = HashMap::new();
        while let Some((position, value)) = digests.recv().await {
            by_position.insert(position, value);
        }
        by_position
    };

    let (fetched, mut by_position) = tokio::join!(fetches, collected);
    fetched
        .into_iter()
        .enumerate()
        .map(|(position, fetched)| {
            fetched.map(|()| {
                by_position
                    .remove(&position)
                    .unwrap_or_else(|| unreachable!("every body in was digested"))
            })
        })
        .collect()
}
