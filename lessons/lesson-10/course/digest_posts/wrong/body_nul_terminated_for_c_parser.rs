//! Wrong: breaks "a successful answer's body, exactly as it arrived (its bytes, not decoded and encoded again), goes to `digest` once"
//! `digest` gets the body with one `0` byte appended: a body of 15 bytes reaches `digest` as 16,
//! an empty body as `[0]`, so every digest of a length, a hash or a checksum comes out different
//! from `digest(body)`.
//! Why a learner would think it right: the stub says `digest` may be "a call into a synchronous
//! library", and a learner who has wrapped C parsers knows they want a NUL-terminated buffer
//! (`CString`, `strlen`); a Rust-side digest "just ignores the trailing NUL", so terminating it
//! looks like a harmless defensive measure. The copy is made on the blocking thread, so the
//! runtime is not held; otherwise the reference pipeline.

use futures::future::join_all;
use reqwest::Client;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|&id| {
        let url = format!("{base_url}/posts/{id}");
        async move {
            let body = client
                .get(url)
                .send()
                .await?
                .error_for_status()?
                .bytes()
                .await?;
            let digested = tokio::task::spawn_blocking(move || {
                // A C-style parser reads up to the terminator: give it one.
                let mut terminated = Vec::with_capacity(body.len() + 1);
                terminated.extend_from_slice(&body);
                terminated.push(0);
                digest(&terminated)
            })
            .await;
            Ok::<u64, reqwest::Error>(
                digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())),
            )
        }
    });
    join_all(each).await
}
