//! Wrong: breaks "one failure never costs the other posts"
//!
//! Two `join_all`s: the first sends every request at once and waits for every status line and
//! headers; only then does the second read and decode every body at once. It is the Python
//! `responses = await asyncio.gather(*(session.get(u) for u in urls))` followed by a gather of
//! `r.json()`, the learner's habit. All requests are in flight together (the server sees all of
//! them before answering any), results stay in the order of `ids`, each its own, with statuses
//! judged before bodies; a 404, a 500, a dropped connection or a non-post fails fast and costs
//! nothing. But no body is read until the *last* headers are in, and reqwest's total timeout
//! covers the body too: when one request hangs until the client's timeout, every other post,
//! answered long before, has its body read after its own deadline has passed, and comes back as
//! a timeout `Err` instead of `Ok(post)`.

use futures::future::join_all;
use lesson_support::models::Post;
use reqwest::Client;

/// Fetches the posts with the given ids concurrently; one result per id, in the order of `ids`.
pub async fn fetch_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<Result<Post, reqwest::Error>> {
    // Every request on the wire at once.
    let responses = join_all(
        ids.iter()
            .map(|id| client.get(format!("{base_url}/posts/{id}")).send()),
    )
    .await;

    // Then every body at once, each failure kept in its own entry.
    let posts = responses
        .into_iter()
        .map(|response| async move { response?.error_for_status()?.json::<Post>().await });
    join_all(posts).await
}
