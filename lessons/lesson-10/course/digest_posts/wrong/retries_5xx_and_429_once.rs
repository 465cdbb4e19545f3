//! Wrong: breaks "one GET `{base_url}/posts/{id}` per entry of `ids` (an id listed twice is asked twice)"
//! Asks again, once and at once, when the answer is a 5xx or a 429, the way a Python learner
//! mounts `Retry(status_forcelist=[429, 500, 502, 503, 504])` on a `requests` session: "those
//! are transient". A post that keeps failing still ends as an `Err` carrying its status, and
//! its error body is never digested, so the status checks pass; but the server got two GETs for
//! that entry, and a post that fails only once comes back `Ok` where the contract wants the
//! first answer's `Err`.

use futures::future::join_all;
use reqwest::{Client, StatusCode};

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    join_all(
        ids.iter()
            .map(|id| digest_one(client, format!("{base_url}/posts/{id}"), digest)),
    )
    .await
}

/// A status that may well be gone on a second try: the server was busy or briefly broken.
fn worth_another_try(status: StatusCode) -> bool {
    status == StatusCode::TOO_MANY_REQUESTS || status.is_server_error()
}

/// One post's pipeline: the request on the runtime, then the digest on the blocking pool.
async fn digest_one(
    client: &Client,
    url: String,
    digest: fn(&[u8]) -> u64,
) -> Result<u64, reqwest::Error> {
    let mut response = client.get(&url).send().await?;
    if worth_another_try(response.status()) {
        response = client.get(&url).send().await?;
    }
    let body = response.error_for_status()?.bytes().await?;
    let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
    Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
}
