//! Correct, written another way: a spawned task per entry, each digesting with
//! `spawn_blocking`, the handles awaited in the order of `ids`.

use futures::future::join_all;
use reqwest::Client;

pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let handles: Vec<_> = ids
        .iter()
        .map(|id| {
            let client = client.clone();
            let url = format!("{base_url}/posts/{id}");
            tokio::spawn(async move {
                let body = client
                    .get(url)
                    .send()
                    .await?
                    .error_for_status()?
                    .bytes()
                    .await?;
                let joined = tokio::task::spawn_blocking(move || digest(&body)).await;
                Ok(joined.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
            })
        })
        .collect();
    join_all(handles)
        .await
        .into_iter()
        .map(|joined| joined.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
        .collect()
}
