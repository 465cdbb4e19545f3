//! Wrong: breaks "its URL made by appending to `base_url` ... through `client`" (a base with a user and a password keeps them)
//! The learner moves the user and the password out of the URL into `.basic_auth(..)`, so that no
//! password shows in an error message, and knows they are percent-encoded there, so it unescapes
//! them with a small hand-written loop (no `percent-encoding` crate in the lesson's
//! dependencies): each `%XX` becomes `char::from(byte)`. That is right for ASCII, but a UTF-8
//! credential (`j%C3%BCrgen`) comes out as Latin-1 mojibake (`jÃ¼rgen`) and is sent so.

use futures::future::join_all;
use reqwest::{Client, RequestBuilder};

/// `%XX` escapes undone, one character per escape.
fn unescape(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = (bytes[i] == b'%' && i + 2 < bytes.len())
            .then(|| std::str::from_utf8(&bytes[i + 1..i + 3]).ok())
            .flatten()
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        match escaped {
            Some(byte) => {
                out.push(char::from(byte));
                i += 3;
            }
            None => {
                out.push(char::from(bytes[i]));
                i += 1;
            }
        }
    }
    out
}

/// A GET of `url`, its user and password (if any) moved out of the URL into a header.
fn get_with_credentials_in_a_header(client: &Client, url: String) -> RequestBuilder {
    match reqwest::Url::parse(&url) {
        Ok(mut parsed) if !parsed.username().is_empty() || parsed.password().is_some() => {
            let user = unescape(parsed.username());
            let password = parsed.password().map(unescape);
            // A URL with a user has a host, so neither can fail.
            let _ = parsed.set_username("");
            let _ = parsed.set_password(None);
            client.get(parsed).basic_auth(user, password)
        }
        // No credentials, or no URL at all: `send()` reports the latter.
        _ => client.get(url),
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
        let body = get_with_credentials_in_a_header(client, format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok::<u64, reqwest::Error>(
            digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())),
        )
    });
    join_all(each).await
}
