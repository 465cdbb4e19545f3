//! Wrong: breaks "its URL made by appending to `base_url` ... through `client`" (a base's credentials must reach the server, as reqwest sends them)
//! The learner clears the userinfo from every parsed `Url` ("logs print URLs") and sends it,
//! unescaped, with `.basic_auth(..)`, but only `if !user.is_empty()`: `Url::username()` is
//! "typically the empty string", and "no user, nobody to log in as". Right for a user and a
//! password, escaped or not, and for a user alone; a base with a password and no user (Heroku's
//! `https://:API_KEY@host` form, which reqwest sends as `Basic base64(":API_KEY")`) goes out with
//! no `Authorization` at all.

use futures::future::join_all;
use reqwest::{Client, RequestBuilder};

/// `%XX` escapes turned back into their bytes, read as UTF-8.
fn percent_decode(text: &str) -> String {
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
    String::from_utf8_lossy(&out).into_owned()
}

/// A GET of `raw` whose URL carries no secret: the user and password go to a header instead.
fn get_without_credentials(client: &Client, raw: String) -> RequestBuilder {
    let Ok(mut url) = reqwest::Url::parse(&raw) else {
        // reqwest turns an unusable URL into the request's error: leave that to it.
        return client.get(raw);
    };
    let user = percent_decode(url.username());
    let password = url.password().map(percent_decode);
    // No secret stays in the URL, whatever happens next.
    let _ = url.set_password(None);
    let _ = url.set_username("");
    let request = client.get(url);
    if user.is_empty() {
        // No user: nobody to log in as.
        request
    } else {
        request.basic_auth(user, password)
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
        let body = get_without_credentials(client, format!("{base_url}/posts/{id}"))
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
