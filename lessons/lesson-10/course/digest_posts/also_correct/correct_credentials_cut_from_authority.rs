//! Correct: the credentials are taken out of the base by hand, as text (no `Url` round trip, so
//! nothing else in the base changes), and sent with `.basic_auth(..)`, which is what reqwest does
//! with a URL's userinfo. The userinfo is looked for only in the authority (up to the first `/`,
//! `?`, `#` or `\`), and ends at the authority's last `@`, so an `@` in a password is kept and one
//! in the path is left alone; each part is unescaped as UTF-8; a user alone goes as `user:`, a
//! password alone as `:password`, and a part that doesn't unescape to UTF-8 is treated as reqwest
//! treats it. The rest is the plain pipeline: request and raw body on the runtime, the digest on
//! the blocking pool, all entries at once.

use futures::future::join_all;
use reqwest::Client;

/// The base with its userinfo taken out, and the user and password that were in it.
struct Base {
    url: String,
    credentials: Option<(String, Option<String>)>,
}

/// `%XX` escapes turned back into bytes; `None` if those bytes are not UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at] == b'%' && at + 2 < bytes.len() {
            let hex = |byte: u8| char::from(byte).to_digit(16);
            if let (Some(high), Some(low)) = (hex(bytes[at + 1]), hex(bytes[at + 2])) {
                out.push((high * 16 + low) as u8);
                at += 3;
                continue;
            }
        }
        out.push(bytes[at]);
        at += 1;
    }
    String::from_utf8(out).ok()
}

fn split_base(base_url: &str) -> Base {
    let plain = || Base {
        url: base_url.to_owned(),
        credentials: None,
    };
    let Some((scheme, rest)) = base_url.split_once("://") else {
        return plain();
    };
    let authority_end = rest.find(['/', '?', '#', '\\']).unwrap_or(rest.len());
    let (authority, path) = rest.split_at(authority_end);
    let Some((userinfo, host)) = authority.rsplit_once('@') else {
        return plain();
    };
    let (user, password) = match userinfo.split_once(':') {
        Some((user, password)) => (user, Some(password)),
        None => (userinfo, None),
    };
    // As reqwest does: a user that is not UTF-8 leaves the URL as it is, a password that is not
    // is dropped, and an empty userinfo is no credential.
    let Some(user) = percent_decode(user) else {
        return plain();
    };
    let password = password.and_then(percent_decode);
    if user.is_empty() && password.is_none() {
        return plain();
    }
    Base {
        url: format!("{scheme}://{host}{path}"),
        credentials: Some((user, password)),
    }
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let base = split_base(base_url);
    let base = &base;
    let each = ids.iter().map(|id| async move {
        let mut request = client.get(format!("{}/posts/{id}", base.url));
        if let Some((user, password)) = &base.credentials {
            request = request.basic_auth(user, password.as_ref());
        }
        let body = request.send().await?.error_for_status()?.bytes().await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok::<u64, reqwest::Error>(
            digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())),
        )
    });
    join_all(each).await
}
