//! Correct: the pipelines are tasks of a `LocalSet` (`spawn_local`, asyncio's "every task on this
//! one loop"), each awaiting its digest on `spawn_blocking`, their handles awaited in the order of
//! `ids`. The requests and bodies are read on the thread that polls the call, which is a thread of
//! the runtime; only the digests leave it. Holding a `LocalSet` makes this function's future
//! `!Send`: the contract does not ask for `Send`, and the checks do not need it.

use reqwest::Client;
use tokio::task::LocalSet;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let local = LocalSet::new();
    local
        .run_until(async move {
            let handles: Vec<_> = ids
                .iter()
                .map(|id| {
                    // `spawn_local` tasks are `'static`: each owns its client (a handle on the
                    // same pool) and its URL.
                    let client = client.clone();
                    let url = format!("{base_url}/posts/{id}");
                    tokio::task::spawn_local(async move {
                        let body = client
                            .get(url)
                            .send()
                            .await?
                            .error_for_status()?
                            .bytes()
                            .await?;
                        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
                        Ok::<u64, reqwest::Error>(
                            digested
                                .unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())),
                        )
                    })
                })
                .collect();
            let mut results = Vec::with_capacity(handles.len());
            for handle in handles {
                results.push(
                    handle
                        .await
                        .unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())),
                );
            }
            results
        })
        .await
}
