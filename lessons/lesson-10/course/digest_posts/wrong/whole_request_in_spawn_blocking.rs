//! Wrong: breaks "the requests are sent by async code on the runtime, not from inside
//! `spawn_blocking`": each entry's whole request runs on a blocking thread with
//! `Handle::block_on`, holding that thread while it waits on the network.

use futures::future::join_all;
use reqwest::Client;

pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let handle = tokio::runtime::Handle::current();
    let each = ids.iter().map(|&id| {
        let client = client.clone();
        let url = format!("{base_url}/posts/{id}");
        let handle = handle.clone();
        async move {
            let joined = tokio::task::spawn_blocking(move || {
                let body = handle.block_on(async {
                    client
                        .get(url)
                        .send()
                        .await?
                        .error_for_status()?
                        .bytes()
                        .await
                })?;
                Ok(digest(&body))
            })
            .await;
            joined.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic()))
        }
    });
    join_all(each).await
}
