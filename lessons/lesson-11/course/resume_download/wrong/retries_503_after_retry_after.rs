//! Wrong: breaks "one GET of `url` through `client`" (and, when a retry succeeds, "any other status (… a 503 …): `Err(ResumeError::Status(status))`")
//! The engineer's reflex for a busy server: a `503 Service Unavailable` is temporary by definition,
//! so it is asked again, up to three times, after the `Retry-After` the server names (at most 2 s)
//! or a short backoff. Every other answer is judged exactly as the contract says, and a server that
//! stays at 503 still ends in `Err(Status(503))` with the part untouched; but the server sees three
//! GETs instead of one, and a server that answers 503 once and then the file gets a finished
//! download instead of the error.

use std::io::ErrorKind;
use std::path::Path;
use std::time::Duration;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE, RETRY_AFTER};
use reqwest::{Client, Response, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

const ATTEMPTS: u32 = 3;

/// How long a 503 asks us to wait: its `Retry-After` in seconds, capped; or a short backoff.
fn pause(response: &Response, attempt: u32) -> Duration {
    response
        .headers()
        .get(RETRY_AFTER)
        .and_then(|value| value.to_str().ok())
        .and_then(|text| text.trim().parse::<u64>().ok())
        .map(|seconds| Duration::from_secs(seconds.min(2)))
        .unwrap_or(Duration::from_millis(100 * u64::from(attempt)))
}

/// `true` when `text` is `bytes FIRST-LAST/SIZE` (SIZE a number or `*`) with FIRST equal to `had`.
fn starts_at(text: &str, had: u64) -> bool {
    let Some((span, size)) = text
        .strip_prefix("bytes ")
        .and_then(|rest| rest.split_once('/'))
    else {
        return false;
    };
    let size = match size {
        "*" => None,
        size => match size.parse::<u64>() {
            Ok(size) => Some(size),
            Err(_) => return false,
        },
    };
    let Some((first, last)) = span.split_once('-') else {
        return false;
    };
    match (first.parse::<u64>(), last.parse::<u64>()) {
        (Ok(first), Ok(last)) => {
            first == had && first <= last && size.is_none_or(|size| last < size)
        }
        _ => false,
    }
}

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let had = match tokio::fs::metadata(part).await {
        Ok(metadata) => metadata.len(),
        Err(err) if err.kind() == ErrorKind::NotFound => 0,
        Err(err) => return Err(ResumeError::File(err)),
    };

    let mut attempt = 1;
    let mut response = loop {
        let mut request = client.get(url);
        if had > 0 {
            request = request.header(RANGE, format!("bytes={had}-"));
        }
        let response = request.send().await?;
        if response.status() == StatusCode::SERVICE_UNAVAILABLE && attempt < ATTEMPTS {
            let wait = pause(&response, attempt);
            drop(response);
            tokio::time::sleep(wait).await;
            attempt += 1;
            continue;
        }
        break response;
    };

    let (mut file, mut size) = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = match response.headers().get(CONTENT_RANGE) {
                Some(value) => value.to_str().unwrap_or_default().to_owned(),
                None => String::new(),
            };
            if had == 0 || !starts_at(&content_range, had) {
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range,
                });
            }
            (OpenOptions::new().append(true).open(part).await?, had)
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
