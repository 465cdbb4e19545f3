//! Correct: a single `FuturesUnordered` holds both kinds of step and is fed as it runs: it starts
//! with one fetch per entry (GET, status, raw bytes, all on the runtime and all in flight at once);
//! when a fetch yields its body, the loop starts that body's digest on the blocking pool at once
//! and pushes the wait for it back into the same set. Each result goes into the slot of its
//! position, so the order of `ids` is kept whatever the order of completion.

use futures::future::BoxFuture;
use futures::stream::{FuturesUnordered, StreamExt};
use reqwest::Client;

/// What a step of the set has to report.
enum Step {
    /// The request of this position is done: its body, or why there is none.
    Fetched(usize, Result<Vec<u8>, reqwest::Error>),
    /// The digest of this position's body.
    Digested(usize, u64),
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let mut slots: Vec<Option<Result<u64, reqwest::Error>>> = ids.iter().map(|_| None).collect();
    let mut steps: FuturesUnordered<BoxFuture<'_, Step>> = FuturesUnordered::new();
    for (position, &id) in ids.iter().enumerate() {
        let url = format!("{base_url}/posts/{id}");
        steps.push(Box::pin(async move {
            let fetched = async {
                let response = client.get(url).send().await?.error_for_status()?;
                let body = response.bytes().await?;
                Ok::<Vec<u8>, reqwest::Error>(body.to_vec())
            }
            .await;
            Step::Fetched(position, fetched)
        }));
    }
    while let Some(step) = steps.next().await {
        match step {
            Step::Fetched(position, Ok(body)) => {
                // Started now, on the pool; only the wait for it goes into the set.
                let digesting = tokio::task::spawn_blocking(move || digest(&body));
                steps.push(Box::pin(async move {
                    let value = digesting
                        .await
                        .unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic()));
                    Step::Digested(position, value)
                }));
            }
            Step::Fetched(position, Err(err)) => slots[position] = Some(Err(err)),
            Step::Digested(position, value) => slots[position] = Some(Ok(value)),
        }
    }
    slots
        .into_iter()
        .map(|slot| slot.expect("every position ends with a result"))
        .collect()
}
