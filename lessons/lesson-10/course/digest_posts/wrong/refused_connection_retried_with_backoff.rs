//! Wrong: breaks "`Err(err)` when the request failed (an error status, any 4xx or 5xx: the error then carries it; a failed connection), and then `digest` is not called" for a server that refuses the first connection and accepts a later one
//! The learner ports urllib3's `Retry(connect=3, backoff_factor=0.1)`: only a failure to
//! *connect* (`is_connect()`: refused, unreachable; no byte of the request was sent, so "it is
//! always safe to retry") is tried again, after 100, 200 and 400 ms. Statuses, resets and
//! dropped connections after the request went out are left alone, and a server that stays down
//! still gives an `Err`, just later, so a check that counts requests from the server's side sees
//! nothing wrong. But a server that is restarting (refuses, then listens again) turns a failed
//! connection into a digest: the contract asks for one attempt and its `Err`.

use std::time::Duration;

use futures::future::join_all;
use reqwest::{Client, Response};

const CONNECT_RETRIES: u32 = 3;
const BACKOFF: Duration = Duration::from_millis(100);

async fn send_with_connect_retries(client: &Client, url: &str) -> Result<Response, reqwest::Error> {
    let mut attempt = 0;
    loop {
        match client.get(url).send().await {
            Err(err) if err.is_connect() && attempt < CONNECT_RETRIES => {
                tokio::time::sleep(BACKOFF * 2u32.pow(attempt)).await;
                attempt += 1;
            }
            other => return other,
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
        let body = send_with_connect_retries(client, &url)
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
