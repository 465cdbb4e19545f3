//! Wrong: breaks "`digest` never runs on a thread of the runtime ... awaited without
//! blocking": the digest runs on the blocking pool, but `futures::executor::block_on` waits for it
//! by blocking the runtime's thread.

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
        let joined =
            futures::executor::block_on(tokio::task::spawn_blocking(move || digest(&body)));
        Ok(joined.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
