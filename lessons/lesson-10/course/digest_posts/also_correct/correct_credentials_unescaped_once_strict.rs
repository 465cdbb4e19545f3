//! Correct: the credentials are moved out of the URL into `.basic_auth(..)` by the code itself, by reqwest's own rule, written out: each of the user
//! and the password unescaped exactly once (`%XX` only, a `+` stays a `+`, an escaped `%` stays a `%`) and read as UTF-8; a user that is not UTF-8
//! leaves the URL as it is (reqwest then does the same), a password that is not UTF-8 is dropped, and a user alone goes out as `user:`.

use futures::future::join_all;
use reqwest::{Client, Url};

fn hex(c: u8) -> Option<u8> {
    (c as char).to_digit(16).map(|d| d as u8)
}

/// One pass of `%XX` unescaping, read as UTF-8 (`None` when it is not).
fn unescape_utf8(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(high), Some(low)) => {
                    out.push(high * 16 + low);
                    i += 3;
                }
                _ => {
                    out.push(b'%');
                    i += 1;
                }
            },
            other => {
                out.push(other);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// The URL without its userinfo, and the credentials it carried.
fn split_credentials(url: &str) -> (String, Option<(String, Option<String>)>) {
    match Url::parse(url) {
        Ok(mut parsed) => {
            let Some(user) = unescape_utf8(parsed.username()) else {
                return (url.to_owned(), None);
            };
            let password = parsed.password().and_then(unescape_utf8);
            if user.is_empty() && password.is_none() {
                return (url.to_owned(), None);
            }
            let _ = parsed.set_username("");
            let _ = parsed.set_password(None);
            (parsed.to_string(), Some((user, password)))
        }
        // A URL that does not parse: the client reports it.
        _ => (url.to_owned(), None),
    }
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|id| {
        let (url, credentials) = split_credentials(&format!("{base_url}/posts/{id}"));
        async move {
            let mut request = client.get(url);
            if let Some((user, password)) = credentials {
                request = request.basic_auth(user, password);
            }
            let body = request.send().await?.error_for_status()?.bytes().await?;
            let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
            Ok::<u64, reqwest::Error>(
                digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())),
            )
        }
    });
    join_all(each).await
}
