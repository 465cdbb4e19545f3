//! Correct: takes the contract's two permitted choices for an unasked 206 from byte 0 case by case:
//! when an empty part exists it is appended to (appending to nothing is writing from the start),
//! when there is no part at all it is refused as `WrongRange { asked: 0, .. }` ("a server's mistake
//! does not create files"). Because every accepted 206 now has a part already, the part is opened
//! with `append(true)` alone, no `create`; a 200 uses `truncate` + `create` through `OpenOptions`.
//! The loop is a `while let` over a `match` that turns a break into `None` after keeping the error.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::OpenOptions;
use tokio::io::AsyncWriteExt;

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    // `None`: no part at all; `Some(n)`: a part of n bytes (maybe 0).
    let existing = match tokio::fs::metadata(part).await {
        Ok(metadata) => Some(metadata.len()),
        Err(err) if err.kind() == ErrorKind::NotFound => None,
        Err(err) => return Err(ResumeError::File(err)),
    };
    let had = existing.unwrap_or(0);

    let mut request = client.get(url);
    if had > 0 {
        request = request.header(RANGE, format!("bytes={had}-"));
    }
    let mut response = request.send().await?;

    let mut options = OpenOptions::new();
    match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .and_then(|value| value.to_str().ok())
                .unwrap_or("")
                .to_owned();
            let starts_right = parse_first(&content_range) == Some(had);
            if !starts_right || existing.is_none() {
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range,
                });
            }
            options.append(true);
        }
        StatusCode::OK => {
            options.write(true).create(true).truncate(true);
        }
        status => return Err(ResumeError::Status(status)),
    }
    let mut file = options.open(part).await?;
    let mut size = if response.status() == StatusCode::OK {
        0
    } else {
        had
    };

    let mut broke = None;
    while let Some(piece) = match response.chunk().await {
        Ok(piece) => piece,
        Err(err) => {
            broke = Some(err);
            None
        }
    } {
        if let Err(err) = file.write_all(&piece).await {
            // Try to get out what was written, but the write error is the news.
            let _ = file.flush().await;
            return Err(ResumeError::File(err));
        }
        size += piece.len() as u64;
    }
    file.flush().await?;
    match broke {
        Some(err) => Err(ResumeError::Http(err)),
        None => Ok(size),
    }
}

/// FIRST of `bytes FIRST-LAST/SIZE` (SIZE a number or `*`; FIRST <= LAST, LAST < SIZE).
fn parse_first(text: &str) -> Option<u64> {
    let rest = text.strip_prefix("bytes ")?;
    let (span, size) = rest.split_once('/')?;
    let (first, last) = span.split_once('-')?;
    let number = |digits: &str| -> Option<u64> {
        if digits.is_empty() || !digits.bytes().all(|byte| byte.is_ascii_digit()) {
            return None;
        }
        digits.parse().ok()
    };
    let (first, last) = (number(first)?, number(last)?);
    if first > last {
        return None;
    }
    if size != "*" && number(size)? <= last {
        return None;
    }
    Some(first)
}
