//! Wrong: breaks "one GET `{base_url}/posts/{id}` per entry of `ids`" (and "`Err(err)` when the request failed (... a failed connection)") for a connection that is refused, then accepted a moment later (a server restarting, a pod not ready yet)
//! Each post is fetched and digested as in the reference, but a request whose connection could
//! not be made (`err.is_connect()`, and not a timeout) is sent again, twice at most, after 100
//! and 200 ms. The reasoning is the textbook one for safe retries: a connect error means that
//! nothing was sent, so a retry cannot do anything twice on the server (urllib3's `connect=`
//! retries, gRPC's "transparent retry" of unsent requests). The server indeed never sees the
//! failed tries, so counting requests on its side shows one each. But the contract has one GET
//! per entry, and a failed connection is that entry's `Err`: here a refusal followed by a server
//! that comes up within 300 ms gives a digest instead, and a plain refusal gives its `Err` late.
//! A connection closed or reset with no answer, a timeout and every status are left as they are.

use std::time::Duration;

use futures::future::join_all;
use reqwest::{Client, Response};

/// Connect tries after the first one.
const CONNECT_RETRIES: u32 = 2;

/// Sends the GET, again if its connection could not be made (nothing was sent then).
async fn send_connected(client: &Client, url: &str) -> Result<Response, reqwest::Error> {
    let mut retries = 0;
    loop {
        match client.get(url).send().await {
            Err(err) if err.is_connect() && !err.is_timeout() && retries < CONNECT_RETRIES => {
                retries += 1;
                tokio::time::sleep(Duration::from_millis(100 * u64::from(retries))).await;
            }
            sent => return sent,
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
        let body = send_connected(client, &url)
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
