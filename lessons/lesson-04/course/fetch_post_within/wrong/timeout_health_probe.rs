//! Wrong: one call, one request: after a `Timeout` it sends a second request (a quick `HEAD {base_url}`) to tell "server down" from "server slow" for the log, so a timed-out call makes two requests (the probe goes to another path, so a check that counts only `/posts/{id}` hits misses it).

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;

use crate::ApiError;

/// How long the "is anybody there?" probe may take: short, so the report is barely delayed.
const PROBE_TIMEOUT: Duration = Duration::from_millis(20);

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let result =
        crate::fetch_json::<Post>(client.get(format!("{base_url}/posts/{id}")).timeout(limit))
            .await;
    if let Err(ApiError::Timeout(_)) = &result {
        // The exercise says "say why": a timeout alone does not tell whether the server is
        // alive. A tiny HEAD on the base answers that for the log; the result stays a Timeout.
        let probe = client.head(base_url).timeout(PROBE_TIMEOUT).send().await;
        match probe {
            Ok(response) => eprintln!(
                "post {id}: no answer within {limit:?}, but {base_url} is up ({}): slow server",
                response.status()
            ),
            Err(err) => eprintln!(
                "post {id}: no answer within {limit:?}, and {base_url} is unreachable: {err}"
            ),
        }
    }
    result
}
