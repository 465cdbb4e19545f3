//! Wrong: breaks "`digest` never runs on a thread of the runtime ... awaited without
//! blocking": a thread of its own runs the digest, but `.join()` blocks the runtime's thread until
//! it is done.

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
        let worker = std::thread::spawn(move || digest(&body));
        Ok(worker
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
    });
    join_all(each).await
}
