//! Wrong: breaks "all in flight together"
//! The ids are cut into batches of 50: each batch is fetched and digested at once, the right way
//! (requests on the runtime, digests on the blocking pool), but the next batch starts only when the
//! whole batch before it is done. Up to 50 ids it is exactly the reference; with 51 or more, the
//! later requests are not in flight with the first ones, and they wait for every slow request and
//! slow digest of the batches before them. A learner writes it "to be polite to the server" and to
//! keep the number of open sockets down, and a check that never asks for more than 50 posts sees
//! nothing.

use futures::future::join_all;
use reqwest::Client;

/// How many posts are fetched at once: a polite batch.
const BATCH: usize = 50;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let mut results = Vec::with_capacity(ids.len());
    for batch in ids.chunks(BATCH) {
        let each = batch
            .iter()
            .map(|&id| fetch_and_digest(client, base_url, id, digest));
        results.extend(join_all(each).await);
    }
    results
}

/// One post: the request on the runtime, then its digest on the blocking pool.
async fn fetch_and_digest(
    client: &Client,
    base_url: &str,
    id: u64,
    digest: fn(&[u8]) -> u64,
) -> Result<u64, reqwest::Error> {
    let body = client
        .get(format!("{base_url}/posts/{id}"))
        .send()
        .await?
        .error_for_status()?
        .bytes()
        .await?;
    let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
    Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
}
