//! Wrong: breaks "no timeout of your own (the client's settings say how long to wait)"
//! Every request gets `.timeout(Duration::from_secs(10))`. The learner read the chapter's
//! warning about a server that never answers and decided that one stuck post must not hold the
//! whole batch for the client's 30 s. Everything else is the reference shape (one future per
//! id, `join_all`, status then body), so every check that answers within a few seconds passes.
//! But `RequestBuilder::timeout` *replaces* the client's timeout for that request: a post that
//! takes 12 s fails where the caller's client would have waited for it, and a client the caller
//! set to give up after 2 s now waits 10.

use std::time::Duration;

use futures::future::join_all;
use lesson_support::models::Post;
use reqwest::Client;

/// How long one post may take before it counts as failed, so a stuck server costs one entry,
/// not the whole batch.
const PER_POST_TIMEOUT: Duration = Duration::from_secs(10);

/// Fetches the posts with the given ids concurrently; one result per id, in the order of `ids`.
pub async fn fetch_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<Result<Post, reqwest::Error>> {
    let requests = ids.iter().map(|id| async move {
        client
            .get(format!("{base_url}/posts/{id}"))
            .timeout(PER_POST_TIMEOUT)
            .send()
            .await?
            .error_for_status()?
            .json::<Post>()
            .await
    });
    join_all(requests).await
}
