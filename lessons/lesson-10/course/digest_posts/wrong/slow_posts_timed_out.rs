//! Wrong: breaks "the result, in the order of `ids`: `Ok(digest(body))`, or `Err(err)` when the request failed (an error status, any 4xx or 5xx: the error then carries it; a failed connection)"
//! Every request carries a timeout of its own, `RequestBuilder::timeout(5 s)`, which reqwest
//! applies from the connection until the body has finished. A post whose answer is merely slow
//! (a 200 whose head, or whose body arriving in pieces, takes more than five seconds) comes
//! back as `Err(timeout)` and is never digested, although the server answered it successfully:
//! the contract's only `Err`s are an error status and a failed connection. The learner added the
//! timeout on purpose ("one stuck post must not hold up the whole batch"), and every check whose
//! server answers within a second or two passes, the 800 ms slow bodies included.

use std::time::Duration;

use futures::future::join_all;
use reqwest::Client;

/// The longest one post may take, head and body, before it counts as failed.
const POST_TIMEOUT: Duration = Duration::from_secs(5);

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|id| async move {
        let body = client
            .get(format!("{base_url}/posts/{id}"))
            .timeout(POST_TIMEOUT)
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
}
