//! Wrong: breaks "the result, in the order of `ids`" for `ids` that hold the id 0 (say `[1, 0]`, with post 1 answered first)
//! Each post's pipeline (GET, status, raw bytes, digest on the blocking pool) runs in a
//! `FuturesUnordered` and comes back tagged with its id only. Its place is found in a copy of
//! `ids` where every place already filled is crossed out with a 0, the way a Python port crosses
//! items out with `None` (a `u64` has no `None`, and "post ids start at 1"). An id listed twice
//! takes its places one after the other, so repeats work; but an answer for the id 0 finds the
//! first crossed-out place instead of its own: it overwrites another post's result, and its own
//! place stays empty (the final `expect` then panics).

use futures::StreamExt;
use futures::stream::FuturesUnordered;
use reqwest::Client;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let mut pipelines: FuturesUnordered<_> = ids
        .iter()
        .map(|&id| async move {
            let fetched = async {
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
            (id, fetched)
        })
        .collect();

    // The ids still waiting for their answer; a place is crossed out (0) once it is filled.
    let mut waiting: Vec<u64> = ids.to_vec();
    let mut results: Vec<Option<Result<u64, reqwest::Error>>> =
        (0..ids.len()).map(|_| None).collect();
    while let Some((id, result)) = pipelines.next().await {
        let place = waiting
            .iter()
            .position(|&waiting_id| waiting_id == id)
            .expect("an answer for an id that was asked");
        waiting[place] = 0;
        results[place] = Some(result);
    }
    results
        .into_iter()
        .map(|result| result.expect("every place has its answer"))
        .collect()
}
