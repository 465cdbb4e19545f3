//! Wrong: breaks "one GET of `url` through `client`, with `Range: bytes=N-` when N is over 0" (and "any other status (a 416, a 404, a 503, a 300 …): `Err(ResumeError::Status(status))`")
//! The learner leaves 429 and 503 alone, since those ask the caller to come back later (the
//! contract names 503 among the errors), but treats 408, 502 and 504 as a hiccup on the way (lesson
//! 04 calls 408 and every 5xx transient; browsers resend a request that met a 408), so they ask
//! again once, after a short pause: a second GET that the contract forbids.

use std::io::ErrorKind;
use std::path::Path;
use std::time::Duration;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// A timeout or a failure of a gateway between us and the server: not the server's answer.
const HICCUPS: [StatusCode; 3] = [
    StatusCode::REQUEST_TIMEOUT,
    StatusCode::BAD_GATEWAY,
    StatusCode::GATEWAY_TIMEOUT,
];

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let had = match tokio::fs::metadata(part).await {
        Ok(metadata) => metadata.len(),
        Err(err) if err.kind() == ErrorKind::NotFound => 0,
        Err(err) => return Err(ResumeError::File(err)),
    };

    let mut retried = false;
    let mut response = loop {
        let mut request = client.get(url);
        if had > 0 {
            request = request.header(RANGE, format!("bytes={had}-"));
        }
        let response = request.send().await?;
        if !retried && HICCUPS.contains(&response.status()) {
            // A gateway's hiccup: nothing reached the file, so once more, after a breath.
            retried = true;
            drop(response);
            tokio::time::sleep(Duration::from_millis(200)).await;
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

/// FIRST of `bytes FIRST-LAST/SIZE`, when the header has that form.
fn first_byte(content_range: &str) -> Option<u64> {
    let (span, _size) = content_range.strip_prefix("bytes ")?.split_once('/')?;
    let (first, last) = span.split_once('-')?;
    let (first, last): (u64, u64) = (first.parse().ok()?, last.parse().ok()?);
    (first <= last).then_some(first)
}
