//! Correct: state kept between calls where it is safe: the body's chunks are gathered on the
//! runtime as they arrive (a `chunk()` loop, not joined there: joining 4 MiB is work too), and
//! joined on the blocking thread into a scratch buffer that thread keeps in a `thread_local!` and
//! reuses for its next digest (cleared first, and let go if it grew past 1 MiB). A blocking
//! closure runs from start to end on one thread, with no `.await` inside, so no two digests ever
//! share the buffer at once, whatever the runtime and however many calls run side by side.

use std::cell::RefCell;

use futures::future::join_all;
use reqwest::Client;

/// Past this capacity, a scratch buffer is given back rather than kept for the next digest.
const KEPT_CAPACITY: usize = 1024 * 1024;

thread_local! {
    /// One buffer per blocking thread, reused from one digest to the next.
    static SCRATCH: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|id| async move {
        let mut response = client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?;
        // The pieces as they came, in order; a failed read is the request's error.
        let mut chunks = Vec::new();
        while let Some(chunk) = response.chunk().await? {
            chunks.push(chunk);
        }
        let digested = tokio::task::spawn_blocking(move || {
            SCRATCH.with(|scratch| {
                let mut body = scratch.borrow_mut();
                body.clear();
                for chunk in &chunks {
                    body.extend_from_slice(chunk);
                }
                let digested = digest(&body);
                if body.capacity() > KEPT_CAPACITY {
                    *body = Vec::new();
                }
                digested
            })
        })
        .await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
