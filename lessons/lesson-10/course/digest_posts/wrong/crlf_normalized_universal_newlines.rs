//! Wrong: breaks "a successful answer's body, exactly as it arrived (its bytes, not decoded and encoded again), goes to `digest` once"
//! The learner wants "the same digest whatever platform the server runs on", the way Python's text
//! mode (universal newlines) or git's `autocrlf` hides Windows line endings: every `\r\n` in the
//! body is turned into `\n` before the digest sees it. Bodies without a carriage return are
//! untouched, so every JSON post, the ISO-8859-1 body and the chunked body digest right; a body
//! with a CRLF in it does not.

use futures::future::join_all;
use reqwest::Client;

/// Turns every CRLF pair into a bare LF; a lone CR is kept.
fn normalize_newlines(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len());
    let mut i = 0;
    while i < body.len() {
        if body[i] == b'\r' && body.get(i + 1) == Some(&b'\n') {
            i += 1;
            continue;
        }
        out.push(body[i]);
        i += 1;
    }
    out
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|id| async move {
        let body = client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        let digested = tokio::task::spawn_blocking(move || {
            let text = normalize_newlines(&body);
            digest(&text)
        })
        .await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
