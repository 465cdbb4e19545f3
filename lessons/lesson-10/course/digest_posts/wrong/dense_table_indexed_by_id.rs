//! Wrong: breaks "no panic: `digest` itself never panics"
//! The learner collects results as they finish (a `FuturesUnordered`, so a digest starts the moment its
//! body is in) and tags each with its id and its copy number, as the lesson's `Timed` carries its id.
//! To put them back in the order of `ids` it keeps a competitive programmer's dense table, a `Vec`
//! indexed by id ("post ids are small numbers, 1 to 100; a `Vec` is faster than a `HashMap`"), each
//! cell the positions of that id. Right for every small id, repeats included; an id of `u64::MAX`
//! overflows the table's width and panics, and a large sparse id (say 2^40) asks for terabytes.

use futures::stream::{FuturesUnordered, StreamExt};
use reqwest::Client;

/// One post: GET on the runtime, status checked, raw bytes, digest on the blocking pool.
async fn fetch_and_digest(
    client: &Client,
    url: String,
    digest: fn(&[u8]) -> u64,
) -> Result<u64, reqwest::Error> {
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

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let Some(&largest) = ids.iter().max() else {
        return Vec::new();
    };
    // One cell per possible id, 0 to the largest: the positions of that id in `ids`, in order.
    let width = usize::try_from(largest).expect("post ids are small numbers") + 1;
    let mut positions: Vec<Vec<usize>> = vec![Vec::new(); width];
    let mut tags = Vec::with_capacity(ids.len());
    for (index, &id) in ids.iter().enumerate() {
        let cell = &mut positions[id as usize];
        tags.push((id, cell.len()));
        cell.push(index);
    }

    let mut running: FuturesUnordered<_> = tags
        .into_iter()
        .map(|(id, copy)| async move {
            let result = fetch_and_digest(client, format!("{base_url}/posts/{id}"), digest).await;
            (id, copy, result)
        })
        .collect();

    let mut results: Vec<Option<Result<u64, reqwest::Error>>> =
        (0..ids.len()).map(|_| None).collect();
    while let Some((id, copy, result)) = running.next().await {
        results[positions[id as usize][copy]] = Some(result);
    }
    results
        .into_iter()
        .map(|result| result.expect("every position gets its result"))
        .collect()
}
