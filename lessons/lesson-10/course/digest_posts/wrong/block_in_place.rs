//! Wrong: breaks "`digest` never runs on a thread of the runtime": `block_in_place` runs it on
//! the worker's own thread (and panics on a current-thread runtime).

use futures::future::join_all;
use reqwest::Client;

pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|id| async move {
        let body = client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        Ok(tokio::task::block_in_place(|| digest(&body)))
    });
    join_all(each).await
}
