//! Wrong: breaks "any other status (a 3xx the client does not follow, say a 300) is an answer like a 200"
//! (and with it "no panic: `digest` itself never panics").
//! The learner carries aiohttp's rule over: `resp.ok` is `status < 400`, and
//! `raise_for_status()` raises for anything from 400 up. So the status is tested by hand,
//! `status >= 400`, and the error is taken from `error_for_status()` with `expect_err`, "since
//! it is an error status, reqwest will give the error". For 4xx and 5xx that is so, and a 300
//! is an answer like a 200. But HTTP status codes run to 999 (`StatusCode` takes 100..=999,
//! hyper reads any three digits): a 600 or a 999 is "from 400 up" for the learner and not an
//! error for reqwest, so `error_for_status()` hands the response back and `expect_err` panics,
//! instead of digesting the body like a 200's.

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
        let response = client.get(format!("{base_url}/posts/{id}")).send().await?;
        // aiohttp's `raise_for_status()`: `if not self.ok`, and `ok` is `status < 400`.
        if response.status().as_u16() >= 400 {
            return Err(response
                .error_for_status()
                .expect_err("a status of 400 or more is an error"));
        }
        let body = response.bytes().await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok::<u64, reqwest::Error>(
            digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())),
        )
    });
    join_all(each).await
}
