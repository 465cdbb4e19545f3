//! Wrong: breaks "one GET `{base_url}/posts/{id}` per entry of `ids`"
//! The HTTP-savvy learner knows that a CDN may hand out a copy older than its freshness lifetime
//! (`stale-while-revalidate`, `stale-if-error`), and that the `Age` header says how old the copy
//! is. So when an answer's `Age` is larger than its `Cache-Control: max-age`, the copy is stale,
//! and the post is asked once more with `Cache-Control: no-cache`, "to get it from the origin". An
//! answer without `Age` (what the checks' server sends) is used as it is.

use futures::future::join_all;
use reqwest::Client;
use reqwest::header::{AGE, CACHE_CONTROL, HeaderMap};

/// True when the answer came from a cache and is older than it may be.
fn is_stale(headers: &HeaderMap) -> bool {
    let age = headers
        .get(AGE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.trim().parse::<u64>().ok());
    let max_age = headers
        .get_all(CACHE_CONTROL)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .find_map(|directive| {
            directive
                .trim()
                .strip_prefix("max-age=")
                .and_then(|seconds| seconds.trim().parse::<u64>().ok())
        });
    matches!((age, max_age), (Some(age), Some(max_age)) if age > max_age)
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|id| async move {
        let url = format!("{base_url}/posts/{id}");
        let mut response = client.get(&url).send().await?.error_for_status()?;
        if is_stale(response.headers()) {
            // A stale copy from a cache on the way: ask the origin.
            response = client
                .get(&url)
                .header(CACHE_CONTROL, "no-cache")
                .send()
                .await?
                .error_for_status()?;
        }
        let body = response.bytes().await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok::<u64, reqwest::Error>(
            digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())),
        )
    });
    join_all(each).await
}
