//! Wrong: breaks "its URL made by appending to `base_url`, which may end in a path such as `/api` that must be kept, through `client`" for a call made after an answer from the same origin said `Alt-Svc` with an alternative this client can speak: server A (`http://127.0.0.1:PA/api`) answers post 1 with `Alt-Svc: h2="127.0.0.1:PB"; ma=60` (or `http/1.1=":PB"`), and a later call with the same base sends its GETs to server B on port PB, never to A.
//! The idea is RFC 7838's alternative services, as browsers and CDNs use them: an origin may
//! say "the same resources are also served there, for `ma` seconds", to move clients to a
//! nearer edge, another port or another protocol; `h3` is skipped (no QUIC here), `clear`
//! forgets. A process-wide table keyed by origin keeps what each origin advertised, and later
//! requests to that origin go to the alternative authority with the same scheme and path. An
//! engineer who has read about `Alt-Svc` next to HSTS would think it is what a good client does.
//! It is wrong here: the contract asks `{base_url}/posts/{id}` through `client`, every time; an
//! answer's header does not change where the next call sends its requests.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock, PoisonError};
use std::time::{Duration, Instant};

use futures::future::join_all;
use reqwest::header::{ALT_SVC, HeaderMap};
use reqwest::{Client, Url};

/// An advertised alternative: a host (`None`: the origin's own host), a port, and an expiry
/// (`None`: too far away to write down).
#[derive(Clone)]
struct Alternative {
    host: Option<String>,
    port: u16,
    until: Option<Instant>,
}

fn table() -> &'static Mutex<HashMap<String, Alternative>> {
    static TABLE: OnceLock<Mutex<HashMap<String, Alternative>>> = OnceLock::new();
    TABLE.get_or_init(|| Mutex::new(HashMap::new()))
}

fn origin_of(base_url: &str) -> Option<String> {
    Url::parse(base_url)
        .ok()
        .map(|url| url.origin().ascii_serialization())
}

/// What an `Alt-Svc` field says: `Some(None)` for `clear`, `Some(Some(..))` for the first
/// alternative over HTTP/2 or HTTP/1.1, `None` when there is nothing usable.
fn parse_alt_svc(headers: &HeaderMap) -> Option<Option<Alternative>> {
    let field = headers.get(ALT_SVC)?.to_str().ok()?;
    if field.trim().eq_ignore_ascii_case("clear") {
        return Some(None);
    }
    field.split(',').find_map(|entry| {
        let mut parts = entry.split(';');
        let (protocol, authority) = parts.next()?.split_once('=')?;
        let protocol = protocol.trim();
        if protocol != "h2" && protocol != "http/1.1" {
            return None;
        }
        let (host, port) = authority.trim().trim_matches('"').rsplit_once(':')?;
        let port = port.parse::<u16>().ok()?;
        let max_age = parts
            .filter_map(|param| param.trim().strip_prefix("ma="))
            .find_map(|seconds| seconds.trim().parse::<u64>().ok())
            .unwrap_or(86_400);
        Some(Some(Alternative {
            host: (!host.is_empty()).then(|| host.to_owned()),
            port,
            until: Instant::now().checked_add(Duration::from_secs(max_age)),
        }))
    })
}

fn remembered(origin: &str) -> Option<Alternative> {
    let mut table = table().lock().unwrap_or_else(PoisonError::into_inner);
    let expired = table
        .get(origin)
        .is_some_and(|alt| alt.until.is_some_and(|until| until <= Instant::now()));
    if expired {
        table.remove(origin);
        return None;
    }
    table.get(origin).cloned()
}

/// The post's URL at the alternative authority, if one is known and the URL can take it.
fn at_alternative(base_url: &str, id: u64, alt: &Alternative) -> Option<Url> {
    let mut url = Url::parse(&format!("{base_url}/posts/{id}")).ok()?;
    if let Some(host) = &alt.host {
        url.set_host(Some(host.as_str())).ok()?;
    }
    url.set_port(Some(alt.port)).ok()?;
    Some(url)
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let origin = origin_of(base_url);
    let alternative = origin.as_deref().and_then(remembered);
    let origin = &origin;
    let alternative = &alternative;
    let each = ids.iter().map(|&id| async move {
        let request = match alternative
            .as_ref()
            .and_then(|alt| at_alternative(base_url, id, alt))
        {
            Some(url) => client.get(url),
            None => client.get(format!("{base_url}/posts/{id}")),
        };
        let response = request.send().await?;
        if let (Some(origin), Some(advertised)) = (origin, parse_alt_svc(response.headers())) {
            let mut table = table().lock().unwrap_or_else(PoisonError::into_inner);
            match advertised {
                Some(alt) => table.insert(origin.clone(), alt),
                None => table.remove(origin),
            };
        }
        let body = response.error_for_status()?.bytes().await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
