//! Wrong: breaks "as soon as that body is in: a digest never waits for other requests": every
//! request first, with `join_all`, then every digest.

use futures::future::join_all;
use reqwest::Client;

pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let bodies = join_all(ids.iter().map(|id| async move {
        client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await
    }))
    .await;
    join_all(bodies.into_iter().map(|body| async move {
        let body = body?;
        let joined = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok(joined.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    }))
    .await
}
