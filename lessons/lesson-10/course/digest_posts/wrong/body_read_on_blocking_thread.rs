//! Wrong: breaks "the requests, their bodies included, are sent and read by async code on the runtime"
//! The request goes out and its head (status included) is awaited on the runtime, so the
//! client's name resolver runs there and an error status never reaches the blocking pool. But
//! the `Response` is then moved into `spawn_blocking` and its body is read there, with
//! `Handle::block_on`: the blocking thread waits for the rest of the download before `digest`
//! starts. A learner writes it to "give the digest the body straight away, without one more
//! `.await` step", thinking the request is over once the status is in. With small bodies that
//! come with the head nothing shows; a body that arrives slowly, in pieces, holds a thread of the
//! blocking pool for as long as it takes, exactly what the clause forbids.

use futures::future::join_all;
use reqwest::Client;
use tokio::runtime::Handle;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|id| async move {
        let response = client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?;
        // The runtime that the response's connection lives on, to read the body from the
        // blocking thread.
        let runtime = Handle::current();
        let digested = tokio::task::spawn_blocking(move || -> Result<u64, reqwest::Error> {
            let body = runtime.block_on(response.bytes())?;
            Ok(digest(&body))
        })
        .await;
        digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic()))
    });
    join_all(each).await
}
