//! Wrong: breaks "the result, in the order of `ids`": `buffer_unordered` yields the results
//! in the order the digests finish.

use futures::StreamExt;
use reqwest::Client;

pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    futures::stream::iter(ids)
        .map(|id| async move {
            let body = client
                .get(format!("{base_url}/posts/{id}"))
                .send()
                .await?
                .error_for_status()?
                .bytes()
                .await?;
            let joined = tokio::task::spawn_blocking(move || digest(&body)).await;
            Ok(joined.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
        })
        .buffer_unordered(ids.len().max(1))
        .collect()
        .await
}
