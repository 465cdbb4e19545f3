//! Wrong: breaks "one GET of `url` through `client`" (and "any other status (… a 503 …): `Err(ResumeError::Status(status))`")
//! The learner brought the circuit-breaker pattern of their microservices job (Hystrix, resilience4j,
//! Polly): a process-wide map from host name to a breaker that counts server errors (5xx, or no answer
//! at all) in a row; after five, the breaker opens for 30 s and every call to that host fails fast with
//! `Status(503)` without a request, "so a sick server is not hammered". A host that answers anything
//! else closes it again. Every call alone is right; the sixth server error in a row from one host is
//! never asked for, and is reported as a 503 it never sent.

use std::collections::HashMap;
use std::io::ErrorKind;
use std::path::Path;
use std::sync::{LazyLock, Mutex, PoisonError};
use std::time::{Duration, Instant};

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// Server errors in a row that open a host's breaker.
const TRIP_AFTER: u32 = 5;
/// How long an open breaker answers for its host.
const OPEN_FOR: Duration = Duration::from_secs(30);

#[derive(Default)]
struct Breaker {
    failures_in_a_row: u32,
    open_until: Option<Instant>,
}

/// One breaker per host, for the life of the process.
static BREAKERS: LazyLock<Mutex<HashMap<String, Breaker>>> = LazyLock::new(Default::default);

fn host_of(url: &str) -> Option<String> {
    let url = reqwest::Url::parse(url).ok()?;
    Some(url.host_str()?.to_owned())
}

/// Whether the host's breaker lets a request through now (half-open once its time is up).
fn breaker_allows(host: &str) -> bool {
    let mut breakers = BREAKERS.lock().unwrap_or_else(PoisonError::into_inner);
    let breaker = breakers.entry(host.to_owned()).or_default();
    match breaker.open_until {
        Some(until) if Instant::now() < until => false,
        Some(_) => {
            // Half-open: one request may try; one more failure opens it again.
            breaker.open_until = None;
            breaker.failures_in_a_row = TRIP_AFTER - 1;
            true
        }
        None => true,
    }
}

fn record(host: &str, server_failed: bool) {
    let mut breakers = BREAKERS.lock().unwrap_or_else(PoisonError::into_inner);
    let breaker = breakers.entry(host.to_owned()).or_default();
    if server_failed {
        breaker.failures_in_a_row += 1;
        if breaker.failures_in_a_row >= TRIP_AFTER {
            breaker.open_until = Some(Instant::now() + OPEN_FOR);
        }
    } else {
        breaker.failures_in_a_row = 0;
        breaker.open_until = None;
    }
}

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let had = match tokio::fs::metadata(part).await {
        Ok(metadata) => metadata.len(),
        Err(err) if err.kind() == ErrorKind::NotFound => 0,
        Err(err) => return Err(ResumeError::File(err)),
    };

    let host = host_of(url);
    if let Some(host) = &host {
        if !breaker_allows(host) {
            // The breaker answers for the server: it is unavailable, come back later.
            return Err(ResumeError::Status(StatusCode::SERVICE_UNAVAILABLE));
        }
    }

    let mut request = client.get(url);
    if had > 0 {
        request = request.header(RANGE, format!("bytes={had}-"));
    }
    let sent = request.send().await;
    if let Some(host) = &host {
        let server_failed = match &sent {
            Ok(response) => response.status().is_server_error(),
            Err(_) => true,
        };
        record(host, server_failed);
    }
    let mut response = sent?;

    let (mut file, mut size) = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .map(|value| String::from_utf8_lossy(value.as_bytes()).into_owned())
                .unwrap_or_default();
            if first_byte(&content_range) != Some(had) {
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range,
                });
            }
            let file = OpenOptions::new()
                .create(true)
                .append(true)
                .open(part)
                .await?;
            (file, had)
        }
        StatusCode::OK => (File::create(part).await?, 0),
        status => return Err(ResumeError::Status(status)),
    };

    let outcome = loop {
        match response.chunk().await {
            Ok(Some(piece)) => {
                if let Err(err) = file.write_all(&piece).await {
                    break Err(ResumeError::File(err));
                }
                size += piece.len() as u64;
            }
            Ok(None) => break Ok(size),
            Err(err) => break Err(ResumeError::Http(err)),
        }
    };
    file.flush().await?;
    outcome
}

/// FIRST of `bytes FIRST-LAST/SIZE`, when it is a plain number.
fn first_byte(content_range: &str) -> Option<u64> {
    let (first, _) = content_range.strip_prefix("bytes ")?.split_once('-')?;
    if first.is_empty() || !first.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    first.parse().ok()
}
