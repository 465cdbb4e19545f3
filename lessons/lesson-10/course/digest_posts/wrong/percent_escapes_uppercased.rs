//! Wrong: breaks "its URL made by appending to `base_url`, which may end in a path such as `/api` that must be kept" for a base whose path holds a percent-escape written in lower-case hex (`http://127.0.0.1:PORT/docs%2fv1`: the GET goes to `/docs%2Fv1/posts/1`, not `/docs%2fv1/posts/1`)
//! Before appending, the base URL is put in RFC 3986 normal form for its escapes (§6.2.2.1:
//! "URI producers and normalizers should use uppercase hexadecimal digits for all
//! percent-encodings"), so that logs, metrics and anything keyed by URL see one spelling of each
//! address. An engineer does it because the RFC says the two spellings are equivalent; but the
//! contract appends to `base_url` as given, and a server may tell `%2f` from `%2F` (they are
//! different bytes on the request line). Bases with upper-case escapes, or with none, are left
//! exactly as they were, so every common base URL is still right.

use futures::future::join_all;
use reqwest::Client;

/// Upper-cases the two hex digits of every `%XX` escape (RFC 3986 §6.2.2.1); nothing else moves.
fn normalise_escapes(url: &str) -> String {
    let mut out = url.as_bytes().to_vec();
    let mut i = 0;
    while i + 2 < out.len() {
        if out[i] == b'%' && out[i + 1].is_ascii_hexdigit() && out[i + 2].is_ascii_hexdigit() {
            out[i + 1].make_ascii_uppercase();
            out[i + 2].make_ascii_uppercase();
            i += 3;
        } else {
            i += 1;
        }
    }
    String::from_utf8(out).expect("only ASCII hex digits were changed")
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    // One spelling per address: the normal form of the base, computed once per call.
    let base = normalise_escapes(base_url);
    let base = base.as_str();
    let each = ids.iter().map(|id| async move {
        let body = client
            .get(format!("{base}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
