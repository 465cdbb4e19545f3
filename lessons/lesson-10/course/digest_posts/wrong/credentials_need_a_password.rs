//! Wrong: breaks "its URL made by appending to `base_url` ... through `client`" (a base with a user and a password keeps them)
//! The learner moves credentials out of the URL into `.basic_auth(..)`, unescaped properly, the
//! way `requests.get(url, auth=(user, password))` takes them: as a pair. The URL's userinfo is
//! always cleared, but the header is only added when there is a password, so a base that carries
//! a user alone (a token, as in `https://TOKEN@host`) loses it; reqwest would have sent `TOKEN:`.

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

/// A GET of `url`, its user and password moved out of the URL into a header.
fn get_with_credentials_in_a_header(client: &Client, url: String) -> RequestBuilder {
    match reqwest::Url::parse(&url) {
        Ok(mut parsed) if !parsed.username().is_empty() || parsed.password().is_some() => {
            let Some(user) = unescape(parsed.username()) else {
                return client.get(url);
            };
            let password = parsed.password().and_then(unescape);
            // A URL with a user has a host, so neither can fail.
            let _ = parsed.set_username("");
            let _ = parsed.set_password(None);
            match password {
                Some(password) => client.get(parsed).basic_auth(user, Some(password)),
                None => client.get(parsed),
            }
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
