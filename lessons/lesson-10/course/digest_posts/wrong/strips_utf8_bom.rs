//! Wrong: breaks "a successful answer's body, exactly as it arrived (its bytes, not decoded and encoded again), goes to `digest` once"
//! The body is read as raw bytes (no `text()`, no JSON round trip) and digested on the
//! blocking pool as soon as it is in. But a UTF-8 byte order mark at its start (EF BB BF) is cut
//! off first: the learner has been bitten by a BOM before (Python's `json.loads` refuses one,
//! `requests` and `resp.text()` strip it by decoding with `utf-8-sig`, RFC 8259 §8.1 lets a
//! parser ignore it, and reqwest's own `text()` drops it through encoding_rs), and reasons that
//! the digest is of the document, so the same post served with and without a BOM should digest
//! the same. Every body that does not start with those three bytes goes to `digest` untouched,
//! so only a check whose body opens with EF BB BF sees the difference.

use futures::future::join_all;
use reqwest::Client;

/// A UTF-8 byte order mark: not part of the document.
const BOM: &[u8] = b"\xEF\xBB\xBF";

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
        // A BOM is an artefact of the encoding, not of the post: digest the document itself.
        let body = if body.starts_with(BOM) {
            body.slice(BOM.len()..)
        } else {
            body
        };
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok::<u64, reqwest::Error>(
            digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())),
        )
    });
    join_all(each).await
}
