//! Wrong: breaks "`digest` never runs on a thread of the runtime": it calls `digest` right in
//! the async block, which holds the runtime's thread for as long as the digest takes.

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
        Ok(digest(&body))
    });
    join_all(each).await
}
