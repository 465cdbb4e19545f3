//! Wrong: breaks "its URL made by appending to `base_url` ... through `client`" (a base URL's `user:password@` must reach the server as reqwest sends it)
//! The learner keeps passwords out of URLs (error messages and logs print them), so the user and the password are taken out of each URL and sent with `.basic_auth(..)`,
//! unescaped the way Python's `urllib.parse.unquote_plus` does, the function most `.env` and query-string code reaches for: `%XX` becomes its byte and a `+` becomes a space.
//! Every base the checks name passes (escaped or not, a `:` in it, a user or a password alone), but a password with a literal `+` (`p+ss`) goes out as `p ss`.

use futures::future::join_all;
use reqwest::{Client, Url};

fn hex(c: u8) -> Option<u8> {
    (c as char).to_digit(16).map(|d| d as u8)
}

/// `unquote_plus`: `+` is a space, `%XX` is a byte, the rest as it is.
fn unquote_plus(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => {
                out.push(b' ');
                i += 1;
            }
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
    String::from_utf8_lossy(&out).into_owned()
}

/// The URL without its userinfo, and the credentials it carried.
fn split_credentials(url: &str) -> (String, Option<(String, Option<String>)>) {
    match Url::parse(url) {
        Ok(mut parsed) if !parsed.username().is_empty() || parsed.password().is_some() => {
            let user = unquote_plus(parsed.username());
            let password = parsed.password().map(unquote_plus);
            let _ = parsed.set_username("");
            let _ = parsed.set_password(None);
            (parsed.to_string(), Some((user, password)))
        }
        // No credentials, or a URL that does not parse: the client reports it.
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
