//! Correct: the `Content-Range` is judged on the header's raw bytes (`HeaderValue::as_bytes`, a
//! hand-written scanner of `bytes FIRST-LAST/SIZE`, no `to_str` and no `parse`), and the contract's
//! other branch of the N = 0 leeway is taken: to an empty or missing part, a 206 from byte 0 is
//! written (the part created, then appended to), any other 206 refused with no part made; the size
//! returned is the part's length before plus the bytes written.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::OpenOptions;
use tokio::io::AsyncWriteExt;

/// A run of ASCII digits as a number; `None` when empty, not digits, or too large.
fn number(digits: &[u8]) -> Option<u64> {
    if digits.is_empty() {
        return None;
    }
    digits.iter().try_fold(0u64, |value, &byte| {
        if byte.is_ascii_digit() {
            value.checked_mul(10)?.checked_add(u64::from(byte - b'0'))
        } else {
            None
        }
    })
}

/// FIRST, when `value` is `bytes FIRST-LAST/SIZE` with FIRST ≤ LAST and, SIZE being a number,
/// LAST < SIZE (SIZE may be `*`).
fn first_byte(value: &[u8]) -> Option<u64> {
    let rest = value.strip_prefix(b"bytes ")?;
    let slash = rest.iter().position(|&byte| byte == b'/')?;
    let (span, size) = (&rest[..slash], &rest[slash + 1..]);
    let dash = span.iter().position(|&byte| byte == b'-')?;
    let first = number(&span[..dash])?;
    let last = number(&span[dash + 1..])?;
    let fits = size == b"*" || number(size).is_some_and(|size| last < size);
    (first <= last && fits).then_some(first)
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

    let mut options = OpenOptions::new();
    match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let value = response.headers().get(CONTENT_RANGE);
            if value.and_then(|value| first_byte(value.as_bytes())) != Some(had) {
                let content_range = value
                    .and_then(|value| value.to_str().ok())
                    .unwrap_or_default()
                    .to_owned();
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range,
                });
            }
            // From byte `had`: after what the part holds (with `had` = 0, a part made for it).
            options.create(true).append(true);
        }
        StatusCode::OK => {
            options.create(true).write(true).truncate(true);
        }
        status => return Err(ResumeError::Status(status)),
    }
    let mut file = options.open(part).await?;
    let mut written: u64 = 0;

    let outcome = loop {
        let piece = match response.chunk().await {
            Ok(Some(piece)) => piece,
            Ok(None) => break Ok(()),
            Err(err) => break Err(ResumeError::Http(err)),
        };
        if let Err(err) = file.write_all(&piece).await {
            break Err(ResumeError::File(err));
        }
        written += piece.len() as u64;
    };
    file.flush().await?;
    outcome?;
    let start = if response.status() == StatusCode::PARTIAL_CONTENT {
        had
    } else {
        0
    };
    Ok(start + written)
}
