//! Wrong: breaks "its URL made by appending to `base_url`, which may end in a path such as `/api` that must be kept, through `client`"
//! The learner keeps passwords out of URLs (error messages and logs print URLs): the userinfo is
//! cut out of the base's authority by hand (the last `@` before the path, so an `@` in the path
//! stays), each part unescaped, and sent with `.basic_auth(..)`, a user alone and a password
//! alone included. But the userinfo is split with `split(':')` and two `next()`s, so a password
//! that holds a `:` of its own (RFC 3986 allows it unescaped: only the first `:` separates) loses
//! everything from that `:` on: `user:pa:ss@` sends the password `pa`.

use futures::future::join_all;
use reqwest::Client;

/// A user and an optional password, unescaped.
type Credentials = (String, Option<String>);

/// Percent-decodes `text`; `None` if the bytes are not UTF-8 (as reqwest does, which then sends
/// no credentials at all). A `%` not followed by two hex digits stays as it is.
fn unescape(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at] == b'%' && at + 2 < bytes.len() {
            let high = char::from(bytes[at + 1]).to_digit(16);
            let low = char::from(bytes[at + 2]).to_digit(16);
            if let (Some(high), Some(low)) = (high, low) {
                out.push(u8::try_from(high * 16 + low).unwrap_or(b'?'));
                at += 3;
                continue;
            }
        }
        out.push(bytes[at]);
        at += 1;
    }
    String::from_utf8(out).ok()
}

/// The base without its userinfo, and the credentials it carried.
fn split_credentials(base_url: &str) -> (String, Option<Credentials>) {
    let Some((scheme, rest)) = base_url.split_once("://") else {
        return (base_url.to_owned(), None);
    };
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(authority_end);
    let Some((userinfo, host)) = authority.rsplit_once('@') else {
        return (base_url.to_owned(), None);
    };
    let bare = format!("{scheme}://{host}{tail}");
    let mut parts = userinfo.split(':');
    let Some(user) = unescape(parts.next().unwrap_or("")) else {
        return (bare, None);
    };
    let password = parts
        .next()
        .filter(|password| !password.is_empty())
        .and_then(unescape);
    if user.is_empty() && password.is_none() {
        return (bare, None);
    }
    (bare, Some((user, password)))
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let (bare, credentials) = split_credentials(base_url);
    let (bare, credentials) = (&bare, &credentials);
    let each = ids.iter().map(|id| async move {
        let mut request = client.get(format!("{bare}/posts/{id}"));
        if let Some((user, password)) = credentials {
            request = request.basic_auth(user, password.as_deref());
        }
        let body = request.send().await?.error_for_status()?.bytes().await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body))
            .await
            .unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic()));
        Ok(digested)
    });
    join_all(each).await
}
