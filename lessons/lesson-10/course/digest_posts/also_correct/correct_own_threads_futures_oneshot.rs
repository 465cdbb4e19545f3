//! Correct: each digest runs on a `std::thread` of its own, and the pipeline awaits its result through `futures::channel::oneshot` (the futures crate's channel, not tokio's); no `spawn_blocking` and no `.join()`, the thread is detached and the task waits without holding its own thread
//! The GET, its status and its raw bytes are awaited on the runtime as in the reference; only the
//! digest leaves it, on a thread made for it, which sends the result and ends. Digests of
//! different posts run side by side on their own threads (131 at once is 131 threads, which any
//! machine grants), a digest starts as soon as its body is in, and `join_all` keeps the order of
//! `ids`. A check that looks for the digest's thread among tokio's blocking pool, rather than
//! outside the runtime's worker threads, would reject it; the contract names "threads of your
//! own, awaited without blocking" as a way. If a digest panicked (the contract says it never
//! does), its sender would be dropped and the wait would panic in turn.

use futures::channel::oneshot;
use futures::future::join_all;
use reqwest::Client;

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
        let (done, result) = oneshot::channel::<u64>();
        std::thread::spawn(move || {
            // The receiver only goes away if the call itself was dropped: nothing to tell then.
            let _ = done.send(digest(&body));
        });
        Ok(result
            .await
            .expect("the digest thread sends its result before it ends"))
    });
    join_all(each).await
}
