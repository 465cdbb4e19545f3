//! Wrong: breaks "the digests of different posts run at the same time"
//! The learner batches to save thread hops ("a `spawn_blocking` per body is a context switch per
//! body"): the pipelines read every body at once on the runtime and send it to a collector, which,
//! each time it wakes, drains every body already waiting and hands the whole batch to one
//! `spawn_blocking` that digests them one after another. A lone body is still digested at once;
//! bodies that arrive together are digested in a row.

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
    let (sender, mut arrived) = mpsc::unbounded_channel();
    let fetches = join_all(ids.iter().enumerate().map(|(index, id)| {
        let sender = sender.clone();
        async move {
            let body = client
                .get(format!("{base_url}/posts/{id}"))
                .send()
                .await?
                .error_for_status()?
                .bytes()
                .await?;
            // The collector reads until the last sender is gone: a send cannot fail.
            let _ = sender.send((index, body));
            Ok::<(), reqwest::Error>(())
        }
    }));
    // Only the pipelines' clones are left: the collector stops when the last pipeline ends.
    drop(sender);
    let collector = async move {
        let mut batches = Vec::new();
        while let Some(first) = arrived.recv().await {
            let mut batch = vec![first];
            while let Ok(more) = arrived.try_recv() {
                batch.push(more);
            }
            batches.push(tokio::task::spawn_blocking(move || {
                batch
                    .into_iter()
                    .map(|(index, body)| (index, digest(&body)))
                    .collect::<Vec<(usize, u64)>>()
            }));
        }
        join_all(batches).await
    };
    let (fetched, digested) = join(fetches, collector).await;

    let mut results: Vec<Option<Result<u64, reqwest::Error>>> = fetched
        .into_iter()
        .map(|outcome| outcome.err().map(Err))
        .collect();
    for batch in digested {
        let batch = batch.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic()));
        for (index, value) in batch {
            results[index] = Some(Ok(value));
        }
    }
    results
        .into_iter()
        .map(|slot| match slot {
            Some(result) => result,
            None => unreachable!("every post either failed or was digested"),
        })
        .collect()
}
