//! Wrong: breaks "no panic: `digest` itself never panics"
//! The learner has met captive portals and proxies that answer a JSON API's URL with `200 OK` and
//! an HTML page, so before digesting it checks the answer's `Content-Type` and warns on stderr when
//! a 200 is not JSON (it still digests the body, as the contract says). It reads the header the way
//! most Rust snippets do, `to_str().expect(..)`, "a media type is plain ASCII". Every `Content-Type`
//! the checks send is ASCII (`charset=ISO-8859-1` included), so nothing shows; a `Content-Type`
//! carrying an obs-text byte (e.g. a parameter with a raw `é`, which HTTP allows in a field value)
//! makes the call panic.

use futures::future::join_all;
use reqwest::Client;
use reqwest::header::CONTENT_TYPE;

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
            let content_type = content_type.to_str().expect("a media type is plain ASCII");
            let media_type = content_type.split(';').next().unwrap_or("").trim();
            if response.status().is_success() && media_type.eq_ignore_ascii_case("text/html") {
                eprintln!(
                    "digest_posts: {url} answered {} with an HTML page (a portal or a proxy?)",
                    response.status()
                );
            }
        }
        let body = response.bytes().await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
