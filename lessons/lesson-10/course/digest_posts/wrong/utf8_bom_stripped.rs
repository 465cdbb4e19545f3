//! Wrong: breaks "a successful answer's body, exactly as it arrived (its bytes, not decoded and encoded again), goes to `digest` once" for a body that starts with a UTF-8 byte order mark (`EF BB BF`, say `\u{FEFF}{"id":1}` served as `application/json`)
//!
//! Each body that starts with the three bytes of a UTF-8 byte order mark is handed to `digest`
//! without them (a zero-copy `slice(3..)`), everything else as it came. An engineer writes this
//! after a Windows-made JSON file broke the parser behind `digest`: RFC 8259 says a JSON text
//! must not start with a BOM and parsers may ignore one, Python's `utf-8-sig` and `Response.text`
//! drop it, so "strip it before parsing" looks like hygiene. Only the UTF-8 mark is touched, so a
//! UTF-16 body (its `FF FE` mark) and every other body are digested exactly as they arrived.

use futures::future::join_all;
use reqwest::Client;

/// The UTF-8 encoding of U+FEFF.
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|id| async move {
        let mut body = client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        // A byte order mark is not content: parsers behind `digest` choke on it.
        if body.starts_with(UTF8_BOM) {
            body = body.slice(UTF8_BOM.len()..);
        }
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
