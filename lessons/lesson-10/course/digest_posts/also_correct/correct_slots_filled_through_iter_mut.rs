//! Correct: no collected results from `join_all`: each pipeline (a named `async fn`: GET, status, raw bytes on the runtime, digest on the blocking pool) writes its result into its own place of a `Vec<Option<..>>`, borrowed through `iter_mut().zip(ids)`, so no lock and no index bookkeeping; `join_all` only drives them together, and the places are unwrapped in the order of `ids` at the end
//! The borrow checker proves that each future owns its place alone, so two pipelines never
//! touch the same one, and an id listed twice has two places and two requests. Every request is
//! in flight at once, each digest starts when its own body is in, and the result is in the order
//! of `ids` because the places are. A check that expects the results from `join_all`'s own
//! output cannot see the difference; one that inspects the shape of the code might.

use futures::future::join_all;
use reqwest::Client;

/// One post: the GET and its body awaited on the runtime, then the digest on the blocking pool.
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
    let mut places: Vec<Option<Result<u64, reqwest::Error>>> =
        std::iter::repeat_with(|| None).take(ids.len()).collect();
    join_all(places.iter_mut().zip(ids).map(|(place, id)| async move {
        *place = Some(fetch_and_digest(client, format!("{base_url}/posts/{id}"), digest).await);
    }))
    .await;
    places
        .into_iter()
        .map(|place| place.expect("every pipeline has written its place"))
        .collect()
}
