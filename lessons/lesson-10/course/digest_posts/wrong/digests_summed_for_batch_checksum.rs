//! Wrong: breaks "no panic: `digest` itself never panics" for digests whose values add up past `u64::MAX` (two 64-bit hashes of two posts, say)
//! The reference's pipelines, then one line of reporting: the digests of the call are added up
//! into a batch checksum that goes to the log beside the count of posts digested. In Python,
//! `sum(digests)` never overflows, so the habit carries over as `.sum::<u64>()`; in a debug
//! build (the tests' profile) the addition panics as soon as the digests add up past
//! `u64::MAX`, which a 64-bit hash does one time in two for two posts. Digests that are small
//! numbers (a length, a count) never show it.

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
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    let results: Vec<Result<u64, reqwest::Error>> = join_all(each).await;

    let digested = results.iter().filter(|result| result.is_ok()).count();
    let checksum: u64 = results
        .iter()
        .filter_map(|result| result.as_ref().ok())
        .sum();
    eprintln!(
        "digest_posts: {digested} of {} posts digested, batch checksum {checksum:#018x}",
        ids.len()
    );
    results
}
