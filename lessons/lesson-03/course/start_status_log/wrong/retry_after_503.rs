//! Wrong: breaks "no retry" (and "whatever the status"): a 503 or a 429 is waited out (its Retry-After, else 1 s) and the GET sent once more, and only the second answer's status is logged; a check whose statuses are 200, 404 and 500 never sees a second request.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures::future::join_all;
use reqwest::header::RETRY_AFTER;
use reqwest::{Client, Response, StatusCode};
use tokio::task::JoinHandle;

/// Whether the server said "not now" rather than answering: then its answer is not the post's.
fn busy(response: &Response) -> Option<Duration> {
    let status = response.status();
    if status != StatusCode::SERVICE_UNAVAILABLE && status != StatusCode::TOO_MANY_REQUESTS {
        return None;
    }
    let seconds = response
        .headers()
        .get(RETRY_AFTER)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.trim().parse::<u64>().ok())
        .unwrap_or(1);
    Some(Duration::from_secs(seconds))
}

/// The status of one GET, or `None` when nothing answered.
async fn status_of(client: &Client, url: &str) -> Option<u16> {
    let response = client.get(url).send().await.ok()?;
    if let Some(wait) = busy(&response) {
        drop(response);
        tokio::time::sleep(wait).await;
        return client
            .get(url)
            .send()
            .await
            .ok()
            .map(|again| again.status().as_u16());
    }
    Some(response.status().as_u16())
}

/// Starts asking for every post in `ids`, logging `(id, status)` as each answer arrives.
pub fn start_status_log(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    log: Arc<Mutex<Vec<(u64, u16)>>>,
) -> JoinHandle<()> {
    let client = client.clone();
    let requests: Vec<(u64, String)> = ids
        .iter()
        .map(|&id| (id, format!("{base_url}/posts/{id}")))
        .collect();
    tokio::spawn(async move {
        let each = requests.into_iter().map(|(id, url)| {
            let (client, log) = (&client, &log);
            async move {
                if let Some(status) = status_of(client, &url).await {
                    log.lock().unwrap().push((id, status));
                }
            }
        });
        join_all(each).await;
    })
}
