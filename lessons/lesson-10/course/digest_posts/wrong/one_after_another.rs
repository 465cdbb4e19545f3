//! Wrong: breaks "all in flight together": a `for` loop sends each request after the previous
//! digest is done.

use reqwest::Client;

pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let mut results = Vec::with_capacity(ids.len());
    for id in ids {
        let one = async {
            let body = client
                .get(format!("{base_url}/posts/{id}"))
                .send()
                .await?
                .error_for_status()?
                .bytes()
                .await?;
            let joined = tokio::task::spawn_blocking(move || digest(&body)).await;
            Ok(joined.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
        };
        results.push(one.await);
    }
    results
}
