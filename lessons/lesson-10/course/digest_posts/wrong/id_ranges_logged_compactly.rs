//! Wrong: breaks "no panic: `digest` itself never panics" for `ids` where the largest `u64` is followed by another id (`[u64::MAX, 1]`: `u64::MAX + 1` overflows in the compact label, and overflow checks are on in the dev and test builds)
//! Each call writes one compact line when some of its posts failed: "digest_posts: 2 of 40
//! failed (posts 1-38, 90, 7)". Runs of consecutive ids are folded into `first-last`, as log
//! lines for batches of thousands of ids must stay short, and the label is made once, up front,
//! so that `ids` need not be kept for the end of the call. The fold asks whether the next id is
//! `last + 1`: for the largest `u64` with another id after it, that addition overflows and
//! panics before a single request is sent. The largest `u64` alone, or last, folds fine, and so
//! does every other list.

use futures::future::join_all;
use reqwest::Client;

/// `[1, 2, 3, 7, 9, 10]` -> `"1-3, 7, 9-10"`.
fn describe_ids(ids: &[u64]) -> String {
    let mut parts = Vec::new();
    let mut i = 0;
    while i < ids.len() {
        let first = ids[i];
        let mut last = first;
        while i + 1 < ids.len() && ids[i + 1] == last + 1 {
            last = ids[i + 1];
            i += 1;
        }
        parts.push(if last == first {
            first.to_string()
        } else {
            format!("{first}-{last}")
        });
        i += 1;
    }
    parts.join(", ")
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let label = describe_ids(ids);
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
    let failed = results.iter().filter(|result| result.is_err()).count();
    if failed > 0 {
        eprintln!(
            "digest_posts: {failed} of {} failed (posts {label})",
            ids.len()
        );
    }
    results
}
