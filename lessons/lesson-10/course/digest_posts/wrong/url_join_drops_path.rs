//! Wrong: breaks "its URL made by appending to `base_url`, which may end in a path such as
//! `/api` that must be kept": `Url::join("/posts/..")` replaces the path.

use futures::future::join_all;
use reqwest::Client;

pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|id| async move {
        let url = reqwest::Url::parse(base_url)
            .and_then(|base| base.join(&format!("/posts/{id}")))
            .map_err(|_| ())
            .ok();
        let url = url.map_or_else(|| format!("{base_url}/posts/{id}"), |url| url.to_string());
        let body = client
            .get(url)
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        let joined = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok(joined.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
