//! Wrong: breaks "one GET `{base_url}/posts/{id}` per entry of `ids`" (and "a successful answer's body, exactly as it arrived (its bytes, not decoded and encoded again), goes to `digest` once")
//! The course's client is built without reqwest's `gzip`/`brotli`/`deflate` features, so an
//! answer sent with `Content-Encoding: gzip` (an object stored compressed on S3 or GCS, a CDN
//! that compresses whatever it is asked) comes back as compressed bytes. The learner wants the
//! digest of the post, not of its compression, and has no decoder at hand, so such a post is
//! asked again at once with `Accept-Encoding: identity`, and that second answer is the one
//! digested. Answers with no `Content-Encoding` (or `identity`), every one the course's own
//! mock server sends, take the ordinary path.

use futures::future::join_all;
use reqwest::header::{ACCEPT_ENCODING, CONTENT_ENCODING};
use reqwest::{Client, Response};

/// Whether the answer's body is in a content coding (gzip, br, deflate, zstd, ...).
fn is_encoded(response: &Response) -> bool {
    response
        .headers()
        .get_all(CONTENT_ENCODING)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .map(str::trim)
        .any(|coding| !coding.is_empty() && !coding.eq_ignore_ascii_case("identity"))
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|&id| async move {
        let url = format!("{base_url}/posts/{id}");
        let mut response = client.get(&url).send().await?.error_for_status()?;
        if is_encoded(&response) {
            // Not the post's bytes: ask for them without a content coding.
            response = client
                .get(&url)
                .header(ACCEPT_ENCODING, "identity")
                .send()
                .await?
                .error_for_status()?;
        }
        let body = response.bytes().await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
