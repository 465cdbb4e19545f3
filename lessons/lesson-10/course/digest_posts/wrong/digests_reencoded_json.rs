//! Wrong: breaks "its body, exactly as it arrived (its bytes, not decoded and encoded again)":
//! it decodes the JSON and digests it written out again.

use futures::future::join_all;
use reqwest::Client;

pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|id| async move {
        let value: serde_json::Value = client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?
            .json()
            .await?;
        let body = serde_json::to_vec(&value).unwrap_or_default();
        let joined = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok(joined.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
