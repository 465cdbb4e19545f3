//! Wrong: breaks "sent through `client`" (and the hints' "you must not build another client just to change it"): believing, as with aiohttp's session timeout, that a request may shorten its client's bound but not lengthen it, it sends through the given client whenever `limit` is at most the client's 30 s, and only for a longer `limit` (45 s, `Duration::MAX`) builds a course-configured client (`client_builder(base_url)`: same user agent, connect timeout and proxy rule) with `timeout(limit)`, a new one per call; every result, variant and timing is right, and every request with a limit up to 30 s goes through the given client.

use std::time::Duration;

use lesson_support::client::{REQUEST_TIMEOUT, client_builder};
use lesson_support::models::Post;
use reqwest::Client;

use crate::{ApiError, fetch_json};

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let url = format!("{base_url}/posts/{id}");

    let request = if limit <= REQUEST_TIMEOUT {
        // Within the client's own bound: the request's timeout narrows it.
        client.get(&url).timeout(limit)
    } else {
        // The client would still cut this request off at 30 s, so give the caller's longer
        // wait a client of its own, built exactly like the course's, with the caller's bound.
        let patient = client_builder(base_url).timeout(limit).build()?;
        patient.get(&url)
    };

    fetch_json::<Post>(request).await
}
