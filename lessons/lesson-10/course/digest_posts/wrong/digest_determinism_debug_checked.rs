//! Wrong: breaks "a successful answer's body ... goes to `digest` once" (and "no panic: `digest`
//! itself never panics" for a `digest` whose value is not a pure function of the body) in a
//! debug build, which is what `cargo test` builds.
//! What the learner did: the reference's pipeline (GET, status, raw bytes on the runtime, digest
//! awaited on the blocking pool), plus a defensive check inside the blocking closure: the result
//! is only trusted if a second run over the same body gives the same value,
//! `debug_assert_eq!(value, digest(&body))`, "a digest must be deterministic, and a debug
//! assertion costs nothing in release". So in tests every body is digested twice, one after the
//! other on the same blocking thread (a 300 ms digest holds its thread 600 ms, and its result
//! comes 300 ms late), and a `digest` that notes when it ran, or counts its calls, and returns
//! that, makes the call panic. The learner thinks it right because the values returned are
//! exactly `digest(body)`, and a debug-only check "is not part of the program".

use futures::future::join_all;
use reqwest::Client;

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
        let digested = tokio::task::spawn_blocking(move || {
            let value = digest(&body);
            // A digest must depend on the body alone; check it where it costs nothing that
            // matters (debug builds only).
            debug_assert_eq!(
                value,
                digest(&body),
                "`digest` gave two values for one body"
            );
            value
        })
        .await;
        Ok::<u64, reqwest::Error>(
            digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())),
        )
    });
    join_all(each).await
}
