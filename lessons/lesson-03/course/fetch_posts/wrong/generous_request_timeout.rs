//! Wrong: breaks "no timeout of your own (the client's settings say how long to wait)": each request gets `.timeout(10 s)`, aiohttp-style, so an answer that takes between 10 s and the client's 30 s becomes a timeout error instead of a post; answers under 10 s are unaffected.

use std::time::Duration;

use futures::future::join_all;
use lesson_support::models::Post;
use reqwest::Client;

/// Long enough for any healthy server, short enough not to hang a batch on one bad request.
const PER_REQUEST: Duration = Duration::from_secs(10);

/// Fetches the posts with the given ids concurrently; one result per id, in the order of `ids`.
pub async fn fetch_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<Result<Post, reqwest::Error>> {
    let requests = ids.iter().map(|id| async move {
        client
            .get(format!("{base_url}/posts/{id}"))
            .timeout(PER_REQUEST)
            .send()
            .await?
            .error_for_status()?
            .json::<Post>()
            .await
    });
    join_all(requests).await
}
