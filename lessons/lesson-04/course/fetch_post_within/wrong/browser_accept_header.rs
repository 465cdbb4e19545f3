//! Wrong: breaks "ask for no `Accept-Encoding` the client cannot read: it already asks for what it can": the same rule one header over, for `Accept`: it sends a desktop browser's `Accept` header (HTML and XML first, JSON only through `*/*;q=0.8`), the scraper's habit of looking like a browser so that bot filters let the request through, and so asks for representations the client cannot read as a post.
//!
//! Everything else is the reference chain (timeout on the request, `error_for_status`, `json`,
//! `?` converting). Against a server that ignores `Accept`, as the course's mock does, every
//! answer is the same. Against one that negotiates the media type, as Django REST framework
//! does (its browsable API answers `text/html` to a browser's `Accept`) or a Rails controller
//! with `respond_to`, the 200 carries an HTML page and the call reports `Decode` instead of
//! `Ok(post)` for a post that exists. `Accept: application/json` (a kept correct variant), or
//! no `Accept` at all, is what a client that can only read JSON should send.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;
use reqwest::header::ACCEPT;

use crate::ApiError;

/// What a desktop browser sends as `Accept` for a page load.
const BROWSER_ACCEPT: &str = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let post = client
        .get(format!("{base_url}/posts/{id}"))
        // Look like a browser, so that the API's bot filter lets us through.
        .header(ACCEPT, BROWSER_ACCEPT)
        .timeout(limit)
        .send()
        .await?
        .error_for_status()?
        .json::<Post>()
        .await?;
    Ok(post)
}
