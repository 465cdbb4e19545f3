//! Wrong: breaks "`digest` never runs on a thread of the runtime: while digests run, the runtime's other tasks keep running"
//! Each post is a pipeline (request, body, then the digest on tokio's blocking pool), all of them
//! run together with `join_all`. But when `ids` holds a single post, the digest is called inline:
//! "nothing to overlap it with, so skip the hop" (the chapter says moving short work to another
//! thread costs more than it saves). The digest may take long whatever the body, and the
//! runtime's other tasks (a heartbeat, the caller's other work) stop for its whole length.
//! Every test with two ids or more sees the digests on the blocking pool.

use futures::future::join_all;
use reqwest::Client;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    // Digests only gain from the blocking pool when there are others to run beside them.
    let offload = ids.len() > 1;
    join_all(
        ids.iter()
            .map(|&id| fetch_and_digest(client, base_url, id, digest, offload)),
    )
    .await
}

/// One post's pipeline: the request and its body on the runtime, then the digest.
async fn fetch_and_digest(
    client: &Client,
    base_url: &str,
    id: u64,
    digest: fn(&[u8]) -> u64,
    offload: bool,
) -> Result<u64, reqwest::Error> {
    let body = client
        .get(format!("{base_url}/posts/{id}"))
        .send()
        .await?
        .error_for_status()?
        .bytes()
        .await?;
    if !offload {
        return Ok(digest(&body));
    }
    match tokio::task::spawn_blocking(move || digest(&body)).await {
        Ok(value) => Ok(value),
        Err(err) => std::panic::resume_unwind(err.into_panic()),
    }
}
