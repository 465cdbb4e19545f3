//! Wrong: breaks "a successful answer's body, exactly as it arrived (...), goes to `digest` once"
//! every body is digested twice in a row on its blocking thread, and the two values compared (a
//! line on stderr when they differ); the first is returned, so the results are right, but
//! `digest` runs twice per body (a digest of 300 ms takes 600 ms, and a digest that counts or
//! records its calls sees two per post).
//! Why a learner would think it right: the stub says `digest` may be "a call into a synchronous
//! library"; a defensive learner who has been bitten by a non-deterministic parser (uninitialised
//! memory in a C library, a hash seeded per process) double-checks it, the way one re-reads a
//! checksum, and both runs are off the runtime, so "nothing blocks". Otherwise the reference
//! pipeline.

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
                let first = digest(&body);
                // A digest must be a pure function of the body: confirm it.
                let second = digest(&body);
                if first != second {
                    eprintln!(
                        "digest_posts: post {id}: digest not deterministic ({first} then {second})"
                    );
                }
                first
            })
            .await;
            Ok::<u64, reqwest::Error>(
                digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())),
            )
        }
    });
    join_all(each).await
}
