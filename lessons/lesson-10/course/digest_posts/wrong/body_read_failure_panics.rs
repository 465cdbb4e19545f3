//! Wrong: breaks "`Err(err)` when the request failed (... a failed connection)" and "no panic"
//! The learner passes on with `?` what can fail (the connection, the status) and treats the body as
//! a formality: "once a 2xx head is in, the body follows on the same connection", so `bytes()` gets
//! an `.expect()`. A connection that breaks after a good head (a `Content-Length` of 100 and 10
//! bytes, then a close) panics the caller instead of giving that post an `Err`.

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
        let response = client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?;
        // The head is in and its status is good: the body is on its way.
        let body = response
            .bytes()
            .await
            .expect("a successful answer has its body");
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
