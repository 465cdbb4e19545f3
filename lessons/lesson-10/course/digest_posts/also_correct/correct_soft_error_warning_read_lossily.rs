//! Correct: the fix for `soft_error_check_panics_on_opaque_header`: the answer's `Content-Type` is
//! read as bytes (`HeaderValue::as_bytes`, shown with `String::from_utf8_lossy` only in the warning),
//! so a header with an obs-text byte cannot make the call panic; a 200 that is an HTML page is
//! reported on stderr and then digested like any other body. Reading a header and writing to stderr
//! is outside the contract's concern: the requests, the bodies and the digests are untouched.

use futures::future::join_all;
use reqwest::Client;
use reqwest::header::CONTENT_TYPE;

/// Whether a `Content-Type` value names `text/html`, compared as bytes, whatever else it carries.
fn is_html(content_type: &[u8]) -> bool {
    let media_type = content_type
        .split(|&byte| byte == b';')
        .next()
        .unwrap_or_default()
        .trim_ascii();
    media_type.eq_ignore_ascii_case(b"text/html")
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
        let response = client.get(&url).send().await?.error_for_status()?;
        if let Some(content_type) = response.headers().get(CONTENT_TYPE) {
            if response.status().is_success() && is_html(content_type.as_bytes()) {
                eprintln!(
                    "digest_posts: {url} answered {} with {} (a portal or a proxy?)",
                    response.status(),
                    String::from_utf8_lossy(content_type.as_bytes())
                );
            }
        }
        let body = response.bytes().await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
