//! Wrong: breaks "one result per entry of `ids`" (for "a `base_url` that is no URL (`127.0.0.1:3000`)"): the learner checks the base URL once before fanning out and, when it does not parse, returns that one builder error as the whole answer instead of N copies of the same failure, so the caller gets a single `Err` however many ids it asked for (and one even for an empty `ids`).

use futures::future::join_all;
use lesson_support::models::Post;
use reqwest::Client;

/// Fetches the posts with the given ids concurrently; one result per id, in the order of `ids`.
/// A base URL that cannot be parsed is reported once, before anything is sent.
pub async fn fetch_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<Result<Post, reqwest::Error>> {
    if let Err(err) = client.get(base_url).build() {
        return vec![Err(err)];
    }

    let requests = ids.iter().map(|id| async move {
        client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?
            .json::<Post>()
            .await
    });
    join_all(requests).await
}
