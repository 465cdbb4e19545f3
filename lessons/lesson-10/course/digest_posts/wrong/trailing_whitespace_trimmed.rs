//! Wrong: breaks "a successful answer's body, exactly as it arrived (its bytes, not decoded and encoded again), goes to `digest` once"
//! The body is read as bytes (no `text()`, no JSON round trip), but before it goes to the
//! blocking pool its trailing ASCII whitespace is cut off: many servers end a JSON document with
//! a `\n` (or `\r\n`) so that it prints well in a terminal, and the learner reasoned that this
//! framing is not part of the post, and that without the cut the same post would digest
//! differently from two servers. The bytes handed to `digest` are then not the body that
//! arrived whenever it ends in a space, tab, CR or LF. The mock server's JSON bodies (and
//! wiremock's `set_body_json`) end in `}`, and a random or binary body rarely ends in
//! whitespace, so "digested exactly as it arrived" still holds for every such body.

use futures::future::join_all;
use reqwest::Client;

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
        // A trailing newline is the server's formatting, not part of the document.
        while body.last().is_some_and(u8::is_ascii_whitespace) {
            let kept = body.len() - 1;
            body.truncate(kept);
        }
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok::<u64, reqwest::Error>(
            digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())),
        )
    });
    join_all(each).await
}
