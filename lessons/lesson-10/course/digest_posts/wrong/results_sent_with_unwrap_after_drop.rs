//! Wrong: breaks "no panic: `digest` itself never panics" for a call that is dropped while its requests are in flight (a call wrapped in `tokio::time::timeout` of 100 ms, or raced in `select!`, whose answers come 300 ms later: each post's task, still running, panics on `send(..).unwrap()` when its result is ready)
//!
//! The asyncio "tasks and a results queue" shape: one spawned task per entry (a clone of
//! `client`, which shares its pool), each fetching on the runtime, digesting on the blocking
//! pool and putting `(position, result)` on an unbounded channel with `.unwrap()`, "since
//! the receiver is right here"; the call takes the results off the channel into their places.
//! While the call runs, that holds. But the tasks are detached: when the caller drops the call
//! (a timeout around it, a `select!`, a cancelled request handler), the receiver goes with it,
//! the tasks keep running, and each one that finishes panics on its `send`, a panic for every
//! post still on its way (tokio catches it in the task and prints it; with
//! `unhandled_panic = "shutdown_runtime"` it takes the runtime down).

use reqwest::Client;
use tokio::sync::mpsc;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let (tx, mut rx) = mpsc::unbounded_channel::<(usize, Result<u64, reqwest::Error>)>();
    for (position, id) in ids.iter().enumerate() {
        let client = client.clone();
        let url = format!("{base_url}/posts/{id}");
        let tx = tx.clone();
        tokio::spawn(async move {
            let result: Result<u64, reqwest::Error> = async {
                let body = client
                    .get(url)
                    .send()
                    .await?
                    .error_for_status()?
                    .bytes()
                    .await?;
                let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
                Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
            }
            .await;
            tx.send((position, result)).unwrap();
        });
    }
    drop(tx);

    let mut slots: Vec<Option<Result<u64, reqwest::Error>>> = ids.iter().map(|_| None).collect();
    while let Some((position, result)) = rx.recv().await {
        slots[position] = Some(result);
    }
    slots
        .into_iter()
        .map(|slot| slot.expect("every task sends its result"))
        .collect()
}
