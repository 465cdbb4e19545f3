//! Correct: no `join_all` and no `spawn_blocking`: one `tokio::select!` loop drives both halves.
//! The fetches (GET, status, raw bytes, all on the runtime, all in flight together) are a
//! `FuturesUnordered`; each body, the moment it is in, goes to a `std::thread` of its own, and every
//! such thread reports `(position, digest)` on one shared unbounded tokio channel, which the same
//! loop awaits (never a `.join()`). Failed requests fill their slot at once; the loop ends when
//! every slot is filled, and the slots are in the order of `ids`.

use futures::stream::{FuturesUnordered, StreamExt};
use reqwest::Client;
use tokio::sync::mpsc;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let mut slots: Vec<Option<Result<u64, reqwest::Error>>> = ids.iter().map(|_| None).collect();
    let mut missing = ids.len();
    let (digested_tx, mut digested_rx) = mpsc::unbounded_channel::<(usize, u64)>();
    let mut fetches: FuturesUnordered<_> = ids
        .iter()
        .enumerate()
        .map(|(position, &id)| async move {
            // The body exactly as it arrived, or why there is none.
            let fetched = async {
                client
                    .get(format!("{base_url}/posts/{id}"))
                    .send()
                    .await?
                    .error_for_status()?
                    .bytes()
                    .await
            }
            .await;
            (position, fetched)
        })
        .collect();
    while missing > 0 {
        tokio::select! {
            Some((position, fetched)) = fetches.next() => match fetched {
                Ok(body) => {
                    let report = digested_tx.clone();
                    std::thread::spawn(move || {
                        // The receiver outlives every digest this call started.
                        let _ = report.send((position, digest(&body)));
                    });
                }
                Err(err) => {
                    slots[position] = Some(Err(err));
                    missing -= 1;
                }
            },
            Some((position, value)) = digested_rx.recv() => {
                slots[position] = Some(Ok(value));
                missing -= 1;
            }
        }
    }
    slots
        .into_iter()
        .map(|slot| slot.expect("every slot is filled before the loop ends"))
        .collect()
}
