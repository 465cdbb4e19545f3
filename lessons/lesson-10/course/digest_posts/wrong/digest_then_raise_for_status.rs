//! Wrong: breaks "`Err(err)` when the request failed (an error status, any 4xx or 5xx: the error then carries it; ...), and then `digest` is not called"
//! The learner writes the `requests` idiom in its usual order, `body = resp.content; result =
//! digest(body); resp.raise_for_status()`: the status is noted (`error_for_status_ref`) when the
//! head arrives, the body is read and digested on the blocking pool, and only then is the error
//! returned. Every result is right (a 404 is still an `Err` carrying its status), but the digest
//! has also run on the 404's body.

use futures::future::join_all;
use reqwest::Client;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|id| async move {
        let response = client.get(format!("{base_url}/posts/{id}")).send().await?;
        // Note the status now; raise it at the end, like `raise_for_status()`.
        let status = response.error_for_status_ref().map(|_| ());
        let body = response.bytes().await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body))
            .await
            .unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic()));
        status.map(|()| digested)
    });
    join_all(each).await
}
