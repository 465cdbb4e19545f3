//! Correct: the URL is built as a `reqwest::Url`, not as text: the base parsed once, then `posts` and the id
//! pushed as two path segments (`pop_if_empty` first, so a base with no path gets `/posts/1`, not `//posts/1`).
//! Every existing segment is kept as it was written (case, escapes, a dotted `/v1.1`, an `@`), and so are
//! the credentials, which reqwest moves to an `Authorization` header exactly as it does for a `String`. A base
//! that does not parse, or cannot take a path, is sent as text, so that `send()` reports it as its own error.

use futures::future::join_all;
use reqwest::{Client, Url};

/// `{base_url}/posts/{id}`, as a `Url` when the base is one that can take a path.
fn post_url(base: Option<&Url>, base_url: &str, id: u64) -> Result<Url, String> {
    if let Some(base) = base {
        let mut url = base.clone();
        let pushed = match url.path_segments_mut() {
            Ok(mut segments) => {
                segments.pop_if_empty().push("posts").push(&id.to_string());
                true
            }
            Err(()) => false,
        };
        if pushed {
            return Ok(url);
        }
    }
    Err(format!("{base_url}/posts/{id}"))
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let base = Url::parse(base_url).ok();
    let each = ids.iter().map(|&id| {
        let request = match post_url(base.as_ref(), base_url, id) {
            Ok(url) => client.get(url),
            // Not a URL we can extend: let reqwest say what is wrong with it.
            Err(text) => client.get(text),
        };
        async move {
            let body = request.send().await?.error_for_status()?.bytes().await?;
            let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
            Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
        }
    });
    join_all(each).await
}
