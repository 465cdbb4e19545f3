//! Wrong: breaks "no panic" (with no ids at all: `slice::chunks(0)` panics)
//! The learner spreads the posts over the cores the way rayon's `par_chunks` does: one spawned task
//! per core, each with its share of the ids (rounded up with `div_ceil`, so no id is left over),
//! and inside each share the textbook pipelines, all in flight together, digests on the blocking
//! pool. Every share starts at once, so for any non-empty `ids` it is right; but an empty `ids`
//! makes the share size 0, and `chunks(0)` panics ("chunk size must be non-zero").

use futures::future::join_all;
use reqwest::Client;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let cores = std::thread::available_parallelism().map_or(1, |cores| cores.get());
    // One share per core, rounded up so that no id is left over.
    let share = ids.len().div_ceil(cores);

    let tasks: Vec<_> = ids
        .chunks(share)
        .map(|chunk| {
            let client = client.clone();
            let base_url = base_url.to_owned();
            let chunk = chunk.to_vec();
            tokio::spawn(async move {
                let (client, base_url) = (&client, &base_url);
                let each = chunk.iter().map(|id| async move {
                    let body = client
                        .get(format!("{base_url}/posts/{id}"))
                        .send()
                        .await?
                        .error_for_status()?
                        .bytes()
                        .await?;
                    let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
                    Ok::<u64, reqwest::Error>(
                        digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())),
                    )
                });
                join_all(each).await
            })
        })
        .collect();

    let mut results = Vec::with_capacity(ids.len());
    for joined in join_all(tasks).await {
        results.extend(joined.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())));
    }
    results
}
