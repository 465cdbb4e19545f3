//! Wrong: breaks "one GET `{base_url}/posts/{id}` per entry of `ids`" (and with it "a slow answer is waited for, with no time limit of your own")
//! The learner has read about "hedged requests" (Google's *The Tail at Scale*, and the aiohttp
//! recipes that race a second `session.get` against a slow first one): when a post's answer has not
//! come after a second, the same GET is sent again and whichever answer arrives first wins; the
//! first request is never cancelled early, so "nothing is given up". Everything else is right:
//! requests and bodies on the runtime, raw bytes, the digest on the blocking pool.

use std::time::Duration;

use futures::future::join_all;
use reqwest::Client;

/// After this long without a complete answer, a second copy of the request is sent.
const HEDGE_AFTER: Duration = Duration::from_secs(1);

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|&id| async move {
        let url = format!("{base_url}/posts/{id}");
        let body = hedged(client, &url).await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}

/// One GET, its status checked, its body read as bytes.
async fn fetch_once(client: &Client, url: &str) -> Result<Vec<u8>, reqwest::Error> {
    let body = client
        .get(url)
        .send()
        .await?
        .error_for_status()?
        .bytes()
        .await?;
    Ok(body.to_vec())
}

/// The first request; if it is slow, a second one beside it, and the first answer to finish.
async fn hedged(client: &Client, url: &str) -> Result<Vec<u8>, reqwest::Error> {
    let first = fetch_once(client, url);
    tokio::pin!(first);
    tokio::select! {
        done = &mut first => done,
        () = tokio::time::sleep(HEDGE_AFTER) => {
            let second = fetch_once(client, url);
            tokio::pin!(second);
            tokio::select! {
                done = &mut first => done,
                done = &mut second => done,
            }
        }
    }
}
