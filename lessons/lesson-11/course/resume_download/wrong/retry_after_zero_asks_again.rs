//! Wrong: breaks "one GET of `url` through `client`" (and "any other status …: `Err(ResumeError::Status(status))`")
//! The learner will not sleep inside a download function ("waiting is the caller's business"), so a
//! `503` or `429` with `Retry-After: 1` is returned as `Status`, as the checks expect. But
//! `Retry-After: 0` reads as "come back now": asking once more costs no wait, so the learner does,
//! and returns whatever that second answer is. A rate limiter or a restarting server that sends
//! `Retry-After: 0` gets two GETs, and the caller never sees the `503`.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE, RETRY_AFTER};
use reqwest::{Client, Response, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// Whether the answer asks to be tried again at once: a 503 or 429 with `Retry-After: 0`.
fn come_back_now(response: &Response) -> bool {
    let status = response.status();
    if status != StatusCode::SERVICE_UNAVAILABLE && status != StatusCode::TOO_MANY_REQUESTS {
        return false;
    }
    response
        .headers()
        .get(RETRY_AFTER)
        .and_then(|value| value.to_str().ok())
        .and_then(|text| text.trim().parse::<u64>().ok())
        == Some(0)
}

/// The byte a `Content-Range` of `bytes FIRST-LAST/SIZE` starts at, when it has that form.
fn first_byte(text: &str) -> Option<u64> {
    let rest = text.strip_prefix("bytes ")?;
    let (span, _size) = rest.split_once('/')?;
    let (first, last) = span.split_once('-')?;
    let (first, last): (u64, u64) = (first.parse().ok()?, last.parse().ok()?);
    (first <= last).then_some(first)
}

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let had = match tokio::fs::metadata(part).await {
        Ok(metadata) => metadata.len(),
        Err(err) if err.kind() == ErrorKind::NotFound => 0,
        Err(err) => return Err(ResumeError::File(err)),
    };

    let mut asked_again = false;
    let mut response = loop {
        let mut request = client.get(url);
        if had > 0 {
            request = request.header(RANGE, format!("bytes={had}-"));
        }
        let response = request.send().await?;
        if !asked_again && come_back_now(&response) {
            // "Retry-After: 0": no wait to impose on the caller, so ask once more.
            asked_again = true;
            continue;
        }
        break response;
    };

    let (mut file, mut size) = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .and_then(|value| value.to_str().ok())
                .unwrap_or_default()
                .to_owned();
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
