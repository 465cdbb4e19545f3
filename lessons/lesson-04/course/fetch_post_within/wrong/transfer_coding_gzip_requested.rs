//! Wrong: breaks "ask for no `Accept-Encoding` the client cannot read: it already asks for what it can": it leaves `Accept-Encoding` alone but sends `TE: gzip`, asking for gzip as a transfer coding, on the belief (a Rust developer new to HTTP, reading that hyper "decodes transfer codings" because it undoes `chunked`) that the transport layer will unzip it, which hyper does not.
//!
//! `TE` is the `Accept-Encoding` of transfer codings (RFC 9110 section 10.1.4). hyper's HTTP/1
//! client decodes `chunked` and nothing else: a server that honours the request answers
//! `Transfer-Encoding: gzip, chunked`, hyper removes the chunking and hands on the gzip bytes,
//! and `json()` fails, so a post that exists is reported as `Decode`. A check that reads the
//! `Accept-Encoding` header sees none, as with the reference; the course's mock ignores `TE`.
//! (Over HTTP/2 hyper strips a `TE` other than `trailers`, so there it is merely useless.)

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;
use reqwest::header::TE;

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
        // Compression at the transfer level: the connection, not our code, undoes it.
        .header(TE, "gzip")
        .timeout(limit)
        .send()
        .await?
        .error_for_status()?
        .json::<Post>()
        .await?;
    Ok(post)
}
