//! Wrong: breaks "the digests of different posts run at the same time"
//! All the requests go out together from the runtime, and each digest runs on the blocking pool
//! as soon as its body is in, but only while it holds a permit of a semaphore sized to the
//! machine's cores (`available_parallelism`). A learner writes it after the chapter's remark
//! that tokio's blocking pool "is sized for waiting, not computing" and that CPU work wants a
//! bounded pool: "no more digests at once than cores". On a laptop with 8 cores, four slow
//! digests still overlap and every check of timing passes; on a 2-core machine, or with more
//! bodies than cores, the extra digests queue behind the others instead of running together, and
//! a body that is in waits for other posts' digests before its own starts.

use std::num::NonZeroUsize;
use std::thread::available_parallelism;

use futures::future::join_all;
use reqwest::Client;
use tokio::sync::Semaphore;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    // CPU work: no more digests at once than the machine has cores.
    let cores = available_parallelism().map_or(1, NonZeroUsize::get);
    let permits = Semaphore::new(cores);
    let permits = &permits;
    let each = ids.iter().map(|id| async move {
        let body = client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        // The semaphore is never closed, so the permit always comes; it is held until the
        // digest is done.
        let _permit = permits.acquire().await.ok();
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
