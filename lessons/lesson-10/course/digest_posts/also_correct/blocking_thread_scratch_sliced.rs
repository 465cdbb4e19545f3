//! Correct: the per-thread work area that `blocking_thread_scratch_high_water` wanted, done safely: each thread of the
//! blocking pool keeps one buffer across calls (a `thread_local!`, touched only inside the blocking closure, never across an
//! `.await`), the body is copied into it off the runtime and the `Bytes` dropped, and `digest` sees exactly the `len` bytes
//! just copied (`&scratch[..len]`), whatever an earlier, longer body left behind it.

use std::cell::RefCell;

use futures::future::join_all;
use reqwest::Client;

thread_local! {
    /// One work area per thread, kept across calls and across runtimes.
    static SCRATCH: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// Runs on a thread of the blocking pool.
fn digest_in_scratch<B: AsRef<[u8]>>(body: B, digest: fn(&[u8]) -> u64) -> u64 {
    SCRATCH.with(|scratch| {
        let mut scratch = scratch.borrow_mut();
        scratch.clear();
        scratch.extend_from_slice(body.as_ref());
        let len = body.as_ref().len();
        drop(body);
        digest(&scratch[..len])
    })
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
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
        let digested = tokio::task::spawn_blocking(move || digest_in_scratch(body, digest)).await;
        Ok::<u64, reqwest::Error>(
            digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())),
        )
    });
    join_all(each).await
}
