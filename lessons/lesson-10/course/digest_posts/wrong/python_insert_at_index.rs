//! Wrong: breaks "the result, in the order of `ids`"
//! The learner collects the pipelines' results as they finish (a `FuturesUnordered` of `(index,
//! result)`) and puts each at its index with `insert`, Python's `results.insert(i, r)`: after a
//! first panic ("insertion index should be <= len") it clamps the index the way Python does,
//! reasoning "an index past the end appends, and the results listed ahead of it, arriving later,
//! are inserted in front of it and push it into place". That holds for any order of two results and
//! for many orders of more, but not for all: three answers arriving last-listed first (`c`, `b`,
//! `a`) come out `[a, c, b]`.

use futures::stream::{FuturesUnordered, StreamExt};
use reqwest::Client;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let mut pending: FuturesUnordered<_> = ids
        .iter()
        .enumerate()
        .map(|(index, id)| async move {
            let result = async {
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
            }
            .await;
            (index, result)
        })
        .collect();

    let mut results = Vec::with_capacity(ids.len());
    while let Some((index, result)) = pending.next().await {
        // As Python's `list.insert`: past the end means at the end; the ones listed ahead of this
        // one that arrive later are inserted before it.
        let at = index.min(results.len());
        results.insert(at, result);
    }
    results
}
