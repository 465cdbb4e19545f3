//! Wrong: breaks "a successful answer's body, exactly as it arrived (its bytes, not decoded and encoded again), goes to `digest` once" for a body labelled UTF-8 that is not valid UTF-8 (`Content-Type: application/json` or `text/plain; charset=utf-8`, body `{"title":"caf\xE9"}` or a Windows-1252 curly quote `\x93`)
//!
//! A body whose `Content-Type` says it is UTF-8 (a `charset=utf-8`, or JSON, which is UTF-8 by
//! its RFC) and is not valid UTF-8 is repaired before the digest: each bad sequence becomes
//! U+FFFD, as `String::from_utf8_lossy`, a browser or `Response::text` would do. Valid bodies,
//! bodies in other charsets (ISO-8859-1, UTF-16), bodies with no label and bodies with a
//! `Content-Encoding` (gzip bytes are not text) are digested exactly as they came. The engineer's
//! reasoning: the parser behind `digest` rejects invalid UTF-8, and the server promised UTF-8, so
//! replacing the few broken bytes keeps one bad post from failing; but that is decoding the body
//! and encoding it again.

use futures::future::join_all;
use reqwest::Client;
use reqwest::header::{CONTENT_ENCODING, CONTENT_TYPE, HeaderMap};

/// Whether the answer's head says its body is UTF-8 text (and not content-encoded).
fn declared_utf8(headers: &HeaderMap) -> bool {
    if headers.contains_key(CONTENT_ENCODING) {
        return false;
    }
    let Some(content_type) = headers.get(CONTENT_TYPE) else {
        return false;
    };
    let content_type = String::from_utf8_lossy(content_type.as_bytes()).to_ascii_lowercase();
    let mut parts = content_type.split(';').map(str::trim);
    let essence = parts.next().unwrap_or_default();
    // A charset the head names wins; JSON without one is UTF-8 by its RFC.
    match parts.find_map(|part| part.strip_prefix("charset=")) {
        Some(charset) => matches!(charset.trim_matches('"'), "utf-8" | "utf8"),
        None => essence == "application/json" || essence.ends_with("+json"),
    }
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|id| async move {
        let response = client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?;
        let utf8 = declared_utf8(response.headers());
        let body = response.bytes().await?;
        // The server promised UTF-8: mend the bytes that break that promise.
        let repaired = if utf8 && std::str::from_utf8(&body).is_err() {
            Some(String::from_utf8_lossy(&body).into_owned().into_bytes())
        } else {
            None
        };
        let digested = tokio::task::spawn_blocking(move || match repaired {
            Some(text) => digest(&text),
            None => digest(&body),
        })
        .await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
