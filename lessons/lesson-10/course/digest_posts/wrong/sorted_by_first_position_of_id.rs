//! Wrong: breaks "the result, in the order of `ids`"
//! One `tokio::spawn`ed task per entry in a `JoinSet` (request and body on the runtime, the digest
//! on the blocking pool), each returning its result tagged with the id it asked for, the way one
//! tags `asyncio.as_completed` results. The results come back as they finish, and are put back
//! "in the order of `ids`" by sorting them on where their id stands in `ids`
//! (`ids.iter().position(..)`). With distinct ids, in any order, that is exact. But an id listed
//! twice has one position, its first: both of its results are sorted there, side by side, and
//! every result between the two copies is pushed one place later. For `[1, 2, 1]` the answer is
//! `[post 1, post 1, post 2]`. A check that repeats an id only next to itself (`[7, 7]`), or that
//! only counts the requests of a repeated id, sees nothing wrong.

use reqwest::Client;
use tokio::task::JoinSet;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let mut tasks = JoinSet::new();
    for &id in ids {
        let client = client.clone();
        let url = format!("{base_url}/posts/{id}");
        tasks.spawn(async move {
            let outcome = fetch_and_digest(&client, &url, digest).await;
            (id, outcome)
        });
    }
    let mut finished: Vec<(u64, Result<u64, reqwest::Error>)> = Vec::with_capacity(ids.len());
    while let Some(joined) = tasks.join_next().await {
        finished.push(joined.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())));
    }
    // Back in the order of `ids`: each result goes where its id is listed.
    finished.sort_by_key(|(id, _)| ids.iter().position(|listed| listed == id));
    finished.into_iter().map(|(_, outcome)| outcome).collect()
}

async fn fetch_and_digest(
    client: &Client,
    url: &str,
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
