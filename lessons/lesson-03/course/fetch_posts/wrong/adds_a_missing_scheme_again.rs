//! Wrong: breaks "otherwise an `Err` in that entry's place: ... a `base_url` that is no URL (`127.0.0.1:3000`: no scheme, and none added by you)": like a helper that "normalises" its input, it prefixes `http://` when the base has no `://`, so `127.0.0.1:3000` is quietly fetched as `http://127.0.0.1:3000` and succeeds.
//!
//! `fetch_posts` gets the post for every entry of `ids`, concurrently, over the client it is given.

use futures::future::join_all;
use lesson_support::models::Post;
use reqwest::Client;

/// Fetches the posts with the given ids concurrently; one result per id, in the order of `ids`.
pub async fn fetch_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<Result<Post, reqwest::Error>> {
    // `127.0.0.1:3000` is what people type; reqwest wants a scheme, so supply the usual one.
    let base = if base_url.contains("://") {
        base_url.to_owned()
    } else {
        format!("http://{base_url}")
    };
    let base = base.as_str();
    let requests = ids.iter().map(|id| async move {
        client
            .get(format!("{base}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?
            .json::<Post>()
            .await
    });
    join_all(requests).await
}
