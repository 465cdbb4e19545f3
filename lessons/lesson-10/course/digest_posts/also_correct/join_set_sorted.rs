//! Correct, written another way: a `JoinSet` of tasks that each know their place, the results
//! put back in the order of `ids`.

use reqwest::Client;
use tokio::task::JoinSet;

pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let mut tasks = JoinSet::new();
    for (at, id) in ids.iter().enumerate() {
        let client = client.clone();
        let url = format!("{base_url}/posts/{id}");
        tasks.spawn(async move {
            let fetched = async {
                let body = client
                    .get(url)
                    .send()
                    .await?
                    .error_for_status()?
                    .bytes()
                    .await?;
                let joined = tokio::task::spawn_blocking(move || digest(&body)).await;
                Ok(joined.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
            };
            (at, fetched.await)
        });
    }
    let mut placed: Vec<(usize, Result<u64, reqwest::Error>)> = Vec::with_capacity(ids.len());
    while let Some(joined) = tasks.join_next().await {
        placed.push(joined.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())));
    }
    placed.sort_by_key(|(at, _)| *at);
    placed.into_iter().map(|(_, result)| result).collect()
}
