//! Wrong: breaks "one GET `{base_url}/posts/{id}` per entry of `ids` (an id listed twice is asked
//! twice)" (with "`Err(err)` when the request failed ..., and then `digest` is not called" after
//! one request, and "a successful answer's body ... goes to `digest` once") for any call in which
//! one post fails.
//! What the learner did, a habit from Python's `asyncio.gather`: the fast path is all-or-nothing,
//! `futures::future::try_join_all` over the reference's pipelines (GET, status, raw bytes on the
//! runtime, digest on the blocking pool), which gives every digest in the order of `ids` when
//! all went well. When it gives an `Err` (the first failure, as `gather` raises the first
//! exception), the learner has lost the other posts' results, since `try_join_all` dropped the
//! pipelines still running, so it runs the whole batch again with `join_all` (gather's
//! `return_exceptions=True`) to get each post's own result. Then every post is asked twice, the
//! ones that were still in flight having been cut off mid-request, the failed one included, and
//! every successful body is digested twice. With no failure everything is right, which is the
//! case the learner tried first.

use futures::future::{join_all, try_join_all};
use reqwest::Client;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let all_or_nothing = try_join_all(
        ids.iter()
            .map(|&id| fetch_and_digest(client, base_url, id, digest)),
    )
    .await;
    match all_or_nothing {
        Ok(values) => values.into_iter().map(Ok).collect(),
        // Something failed, and `try_join_all` keeps only the first error: go through every
        // post again, this time keeping each one's own result.
        Err(_) => {
            join_all(
                ids.iter()
                    .map(|&id| fetch_and_digest(client, base_url, id, digest)),
            )
            .await
        }
    }
}

/// One post: the GET and its body on the runtime, then the digest on the blocking pool.
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
