//! Wrong: breaks "its URL made by appending to `base_url` ... through `client`" for a later call to a server that once answered with `Strict-Transport-Security: max-age=31536000` over plain `http://` (the later call's GETs go to `https://` on the same host and port, fail the TLS handshake, and every post is an `Err`)
//! A process-wide HSTS list, the way a browser keeps one: when an answer carries
//! `Strict-Transport-Security` with a `max-age` above 0, its host and port are remembered, and
//! every later call whose base is `http://` on that host and port is upgraded to `https://`
//! ("never send the API key in clear to a server that asked for TLS"); `max-age=0` forgets it.
//! The mistake is RFC 6797 §8.1's: the header must be ignored when it arrives over plain HTTP,
//! and the contract wants the URL made by appending to `base_url`, scheme included. Servers that
//! send no such header (every common case) never see a difference.

use std::collections::HashSet;
use std::sync::{LazyLock, Mutex};

use futures::future::join_all;
use reqwest::header::STRICT_TRANSPORT_SECURITY;
use reqwest::{Client, Response, Url};

/// The `host:port`s that asked for HTTPS only.
static HSTS_ORIGINS: LazyLock<Mutex<HashSet<String>>> = LazyLock::new(Default::default);

fn origin_key(url: &Url) -> Option<String> {
    Some(format!(
        "{}:{}",
        url.host_str()?,
        url.port_or_known_default()?
    ))
}

/// The `max-age` directive of a `Strict-Transport-Security` value, in seconds.
fn hsts_max_age(value: &str) -> Option<u64> {
    value
        .split(';')
        .filter_map(|directive| directive.split_once('='))
        .find(|(name, _)| name.trim().eq_ignore_ascii_case("max-age"))
        .and_then(|(_, seconds)| seconds.trim().trim_matches('"').parse().ok())
}

/// Remembers (or forgets) the answer's origin if it carries `Strict-Transport-Security`.
fn note_hsts(response: &Response) {
    let Some(max_age) = response
        .headers()
        .get(STRICT_TRANSPORT_SECURITY)
        .and_then(|value| value.to_str().ok())
        .and_then(hsts_max_age)
    else {
        return;
    };
    let Some(key) = origin_key(response.url()) else {
        return;
    };
    let mut origins = HSTS_ORIGINS.lock().unwrap();
    if max_age == 0 {
        origins.remove(&key);
    } else {
        origins.insert(key);
    }
}

/// `base_url`, upgraded to `https://` when its origin asked for HTTPS only.
fn upgraded_base(base_url: &str) -> String {
    let is_plain_http = base_url
        .get(..7)
        .is_some_and(|scheme| scheme.eq_ignore_ascii_case("http://"));
    if !is_plain_http {
        return base_url.to_owned();
    }
    let known = Url::parse(base_url)
        .ok()
        .and_then(|url| origin_key(&url))
        .is_some_and(|key| HSTS_ORIGINS.lock().unwrap().contains(&key));
    if known {
        format!("https://{}", &base_url[7..])
    } else {
        base_url.to_owned()
    }
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let base = upgraded_base(base_url);
    let base = base.as_str();
    let each = ids.iter().map(|id| async move {
        let response = client.get(format!("{base}/posts/{id}")).send().await?;
        note_hsts(&response);
        let body = response.error_for_status()?.bytes().await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
