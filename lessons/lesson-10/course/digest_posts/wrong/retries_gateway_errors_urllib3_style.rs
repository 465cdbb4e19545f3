//! Wrong: breaks "one GET `{base_url}/posts/{id}` per entry of `ids`" (with "`Err(err)` when the request failed (an error status, any 4xx or 5xx ...)")
//! The learner ports the most copied `requests` snippet there is, Peter Bengtsson's
//! `requests_retry_session(retries=3, backoff_factor=0.3, status_forcelist=(500, 502, 504))`: a
//! 500, 502 or 504 is "the gateway hiccupped", asked again up to three times with urllib3's
//! backoff, and only the last answer becomes the `Err`. A 404, a 429 or a 503 (with or without
//! `Retry-After`) is never in that list, so those are `Err`s after one request, as they should be.

use std::time::Duration;

use futures::future::join_all;
use reqwest::{Client, Response};

/// urllib3's `Retry(total=3, backoff_factor=0.3, status_forcelist=(500, 502, 504))`.
const TOTAL_RETRIES: u32 = 3;
const BACKOFF_FACTOR: f64 = 0.3;
const STATUS_FORCELIST: [u16; 3] = [500, 502, 504];

/// The GET, asked again while the gateway in front of the API reports a transient failure.
async fn get_with_retries(client: &Client, url: &str) -> Result<Response, reqwest::Error> {
    let mut retries = 0_u32;
    loop {
        let response = client.get(url).send().await?;
        if retries < TOTAL_RETRIES && STATUS_FORCELIST.contains(&response.status().as_u16()) {
            retries += 1;
            drop(response);
            // urllib3: backoff_factor * 2 ** (retry - 1)
            let backoff = BACKOFF_FACTOR * f64::from(1_u32 << (retries - 1));
            tokio::time::sleep(Duration::from_secs_f64(backoff)).await;
            continue;
        }
        return response.error_for_status();
    }
}

async fn digest_one(
    client: &Client,
    base_url: &str,
    id: u64,
    digest: fn(&[u8]) -> u64,
) -> Result<u64, reqwest::Error> {
    let url = format!("{base_url}/posts/{id}");
    let body = get_with_retries(client, &url).await?.bytes().await?;
    let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
    Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    join_all(
        ids.iter()
            .map(|&id| digest_one(client, base_url, id, digest)),
    )
    .await
}
