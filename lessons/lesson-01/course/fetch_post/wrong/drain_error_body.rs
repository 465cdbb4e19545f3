//! Wrong: breaks "every error status, any 4xx or 5xx ..., is an `Err` that carries that status (`err.status()`), whatever the body": on an error status it first drains the error page with `?` (Go's `io.Copy(io.Discard, resp.Body)` habit), so an error page cut short by the server comes back as a body error with no status; the one GET, the URL, the decoding and error pages sent whole are all right.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;

/// How long we are willing to wait for the rest of an error page we are going to throw away.
const DRAIN_LIMIT: Duration = Duration::from_millis(500);

/// Fetches post `id` and decodes it into a [`Post`].
pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    let response = client.get(format!("{base_url}/posts/{id}")).send().await?;

    if let Some(status_error) = response.error_for_status_ref().err() {
        // Read the rest of the error page before dropping the response, so the connection is
        // left clean and can go back to the pool (the Go habit: drain the body, then close it).
        // No point waiting long for a page nobody reads, though.
        if let Ok(drained) = tokio::time::timeout(DRAIN_LIMIT, response.bytes()).await {
            drained?;
        }
        return Err(status_error);
    }

    response.json().await
}
