//! Correct: the fix for `digest_threads_small_stack`: each digest still runs on a `std::thread`
//! of its own, awaited through a `tokio::sync::oneshot` (never `.join()`ed while it runs), but
//! the thread's stack is set to 4 MiB, never less than what a thread of tokio's blocking pool or
//! a default `std::thread` gets (2 MiB), so a `digest` with a large table or buffer on its stack
//! runs as it would on the pool; if no thread can be started (a limit on threads, or on memory),
//! the digest goes to tokio's blocking pool instead. The GET and its body are read on the
//! runtime, all posts at once through `join_all`, the results in the order of `ids`.

use futures::future::join_all;
use reqwest::Client;

/// The stack of each digest thread: at least what the blocking pool's threads have.
const DIGEST_STACK: usize = 4 * 1024 * 1024;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|&id| async move {
        let body = client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        let (sender, receiver) = tokio::sync::oneshot::channel();
        let for_thread = body.clone();
        let spawned = std::thread::Builder::new()
            .name(format!("digest-{id}"))
            .stack_size(DIGEST_STACK)
            .spawn(move || {
                // The receiver is gone only if the call was dropped: nobody wants the value then.
                let _ = sender.send(digest(&for_thread));
            });
        let value = match spawned {
            Ok(thread) => match receiver.await {
                Ok(value) => value,
                // The thread ended without sending: its digest panicked. Pass the panic on,
                // joining the finished thread on the blocking pool, never on the runtime.
                Err(_) => match tokio::task::spawn_blocking(move || thread.join()).await {
                    Ok(Err(panic)) => std::panic::resume_unwind(panic),
                    Ok(Ok(())) => unreachable!("a digest thread ended without its value"),
                    Err(err) => std::panic::resume_unwind(err.into_panic()),
                },
            },
            // No thread to be had: the blocking pool instead.
            Err(_) => {
                let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
                digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic()))
            }
        };
        Ok::<u64, reqwest::Error>(value)
    });
    join_all(each).await
}
