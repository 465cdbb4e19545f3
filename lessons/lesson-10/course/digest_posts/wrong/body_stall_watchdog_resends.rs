//! Wrong: breaks "a slow answer is waited for, with no time limit of your own (the client's timeouts, set by whoever built it, are the limit)"
//! The learner knows `requests`' `timeout=(connect, read)`: a read timeout is not a limit on the
//! whole answer, only on a *stalled* one. So the head is awaited without a timer, but while the
//! body arrives each chunk must come within 10 s of the last; a body that stalls longer is given up
//! and the post asked once more (on a fresh connection), the second answer counting. The slow-head
//! case is waited for; a body that pauses (or any body on a paused clock) is asked twice.

use std::time::Duration;

use futures::future::join_all;
use reqwest::Client;

/// The longest a body may go without a new chunk before it counts as stalled.
const STALL: Duration = Duration::from_secs(10);

/// `Ok(None)`: the body stalled, nothing more came for `STALL`.
async fn read_watched(client: &Client, url: &str) -> Result<Option<Vec<u8>>, reqwest::Error> {
    let mut response = client.get(url).send().await?.error_for_status()?;
    let mut body = Vec::new();
    loop {
        match tokio::time::timeout(STALL, response.chunk()).await {
            Ok(Ok(Some(chunk))) => body.extend_from_slice(&chunk),
            Ok(Ok(None)) => return Ok(Some(body)),
            Ok(Err(err)) => return Err(err),
            Err(_stalled) => return Ok(None),
        }
    }
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|id| async move {
        let url = format!("{base_url}/posts/{id}");
        let body = match read_watched(client, &url).await? {
            Some(body) => body,
            // A stalled stream rarely recovers; a new request usually does. The second try
            // has no watchdog: it is the last one, and the client's own timeouts still apply.
            None => client
                .get(&url)
                .send()
                .await?
                .error_for_status()?
                .bytes()
                .await?
                .to_vec(),
        };
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
