//! Wrong: breaks "ask for nothing the client cannot read: no `Accept-Encoding` or `TE` of your own, no `Accept` that puts another type before JSON; the client already asks for what it can"
//!
//! Sends `Accept: application/json` (harmless) and `Accept-Encoding: gzip, deflate, br`, the
//! headers a browser sends, because the learner has read that compressed JSON is smaller and
//! faster, and assumes reqwest decompresses whatever comes back. The course's reqwest is built
//! without its `gzip`, `deflate` and `brotli` features: it neither adds nor rewrites that
//! header, and hands the body over as it came. Against the mock server, which never
//! compresses, every outcome is the reference's; against a server that honours the header
//! (`--base-url https://jsonplaceholder.typicode.com`, behind a CDN that gzips JSON) a post
//! arrives compressed and the call returns `Decode` instead of `Ok(post)`. Only a check that
//! looks at the request's headers, or a server that compresses when asked, sees it.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;
use reqwest::header::{ACCEPT, ACCEPT_ENCODING};

use crate::ApiError;

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let post = client
        .get(format!("{base_url}/posts/{id}"))
        .header(ACCEPT, "application/json")
        // Smaller answers, sooner: less of `limit` spent on the wire.
        .header(ACCEPT_ENCODING, "gzip, deflate, br")
        .timeout(limit)
        .send()
        .await?
        .error_for_status()?
        .json::<Post>()
        .await?;
    Ok(post)
}
