//! Correct: the fix for `digest_fn_in_module_setting`: the call's `digest` is still kept out of the
//! pipelines' captures, in a slot they read when their body is in, but the slot is a
//! `tokio::task_local!` (Rust's `contextvars.ContextVar`), set with `scope` around this call's own
//! `join_all`. The pipelines are polled inside that scope, so each reads its own call's function,
//! whatever other calls run beside it, on whatever thread or runtime; the blocking closure gets the
//! function by value, read on the runtime before `spawn_blocking`.

use futures::future::join_all;
use reqwest::Client;

type DigestFn = fn(&[u8]) -> u64;

tokio::task_local! {
    /// The digest of the call whose pipelines are being polled.
    static CALL_DIGEST: DigestFn;
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
        // Read inside this call's scope, on the runtime, then moved into the closure by value.
        let call_digest = CALL_DIGEST.get();
        let digested = tokio::task::spawn_blocking(move || call_digest(&body)).await;
        Ok::<u64, reqwest::Error>(
            digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())),
        )
    });
    CALL_DIGEST.scope(digest, join_all(each)).await
}
