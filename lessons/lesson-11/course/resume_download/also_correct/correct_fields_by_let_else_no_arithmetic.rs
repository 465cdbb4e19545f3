//! Correct: the `Content-Range` is taken apart field by field with `let ... else` (a missing or
//! odd field is a refusal, never an `unwrap` or a slice), and its bounds are compared without
//! arithmetic (`last < first`, `last >= size`: no `+ 1`, no `- 1`, so no SIZE or LAST can
//! overflow). The unit is compared in any case and every number must be ASCII digits. The URL is
//! handed to reqwest as the string it is, so a bad one is its `Http` error. A refused header is
//! reported exactly as it came.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// FIRST of `bytes FIRST-LAST/SIZE` (SIZE a number or `*`, LAST not before FIRST and, with a
/// SIZE, before it), or `None` when the text is not that.
fn first_byte(text: &str) -> Option<u64> {
    let (unit, spec) = text.split_once(' ')?;
    if !unit.eq_ignore_ascii_case("bytes") {
        return None;
    }
    let (range, size) = spec.split_once('/')?;
    let (first, last) = range.split_once('-')?;
    let first = digits(first)?;
    let last = digits(last)?;
    if last < first {
        return None;
    }
    if size != "*" && last >= digits(size)? {
        return None;
    }
    Some(first)
}

/// A number made of ASCII digits only (no sign, no space), if it fits a `u64`.
fn digits(text: &str) -> Option<u64> {
    if text.is_empty() || !text.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let had = match tokio::fs::metadata(part).await {
        Ok(metadata) => metadata.len(),
        Err(err) if err.kind() == ErrorKind::NotFound => 0,
        Err(err) => return Err(ResumeError::File(err)),
    };
    let mut request = client.get(url);
    if had > 0 {
        request = request.header(RANGE, format!("bytes={had}-"));
    }
    let mut response = request.send().await?;
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
