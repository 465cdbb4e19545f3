//! Correct: the user and the password are taken out of the URL and sent with `.basic_auth(..)`
//! by the code itself, unescaped from UTF-8 (a user alone kept, as `user:`), which is what reqwest
//! does with a URL that carries them; the requests, bodies and digests are the plain pipeline.

use futures::future::join_all;
use reqwest::{Client, RequestBuilder};

/// `%XX` escapes undone, as bytes, and read as UTF-8; `None` when they are not UTF-8.
fn unescape(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = (bytes[i] == b'%' && i + 2 < bytes.len())
            .then(|| std::str::from_utf8(&bytes[i + 1..i + 3]).ok())
            .flatten()
            .filter(|hex| hex.bytes().all(|b| b.is_ascii_hexdigit()))
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        match escaped {
            Some(byte) => {
                out.push(byte);
                i += 3;
            }
            None => {
                out.push(bytes[i]);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// A GET of `url`; a user and a password in it go as an `Authorization: Basic` header.
fn get_with_credentials_in_a_header(client: &Client, url: String) -> RequestBuilder {
    let Ok(mut parsed) = reqwest::Url::parse(&url) else {
        // Not a URL: `send()` says so.
        return client.get(url);
    };
    let Some(user) = unescape(parsed.username()) else {
        return client.get(url);
    };
    let password = parsed.password().and_then(unescape);
    if user.is_empty() && password.is_none() {
        return client.get(url);
    }
    // A URL with a user or a password has a host, so neither can fail.
    let _ = parsed.set_username("");
    let _ = parsed.set_password(None);
    client.get(parsed).basic_auth(user, password)
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
