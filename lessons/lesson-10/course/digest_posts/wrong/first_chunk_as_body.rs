//! Wrong: breaks "a successful answer's body, exactly as it arrived (its bytes, not decoded and
//! encoded again), goes to `digest` once, as soon as that body is in"
//! The learner avoids `bytes()`, which "copies every piece into one buffer", and takes the body
//! with `Response::chunk()`, which hands over hyper's own `Bytes` without a copy: a post is a few
//! hundred bytes and always came in one read. But `chunk()` is one frame of the body, not the
//! body: an answer sent in several chunks, or too large for one read (megabytes), is digested
//! from its first piece only, and the rest is never read.

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
        let mut response = client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?;
        // `None` means an empty body.
        let body = response.chunk().await?.unwrap_or_default();
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok::<u64, reqwest::Error>(
            digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())),
        )
    });
    join_all(each).await
}
