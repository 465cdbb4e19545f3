//! Wrong: a process-wide async lock is held from `send()` until the answer's head arrives, so calls made at the same time send their requests one after another (a queue), and a queued call waits longer than its own `limit`.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;
use tokio::sync::Mutex;

use crate::ApiError;

/// Held while a request goes out and until its answer's head is in, so that calls made together
/// find the connection the first one opened instead of each opening its own. Released before
/// the body is read: bodies still arrive side by side.
static SENDING: Mutex<()> = Mutex::const_new(());

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let request = client.get(format!("{base_url}/posts/{id}")).timeout(limit);
    let response = {
        let _turn = SENDING.lock().await;
        request.send().await?
    };
    Ok(response.error_for_status()?.json::<Post>().await?)
}
