//! Wrong: breaks "an error status ... is an `Err` ... and then `digest` is not called": no
//! `error_for_status`, so a 404's body is digested like a post.

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
            .bytes()
            .await?;
        let joined = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok(joined.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
