//! Correct: the `Content-Range` is cut into tokens on its three separators at once
//! (`split` on `' '`, `'-'` and `'/'`), and must be exactly four: a unit equal to `bytes` in any case (range
//! units are case-insensitive), FIRST and LAST plain digits with LAST not before FIRST, SIZE digits
//! or `*` (so `bytes */5003`, `bytes=5003-…`, `items …` and cut-short forms all fall out by their
//! token count or unit). It takes the contract's other choice for a 206 from byte 0 to a request
//! that asked no range: appended, the part created. The body is pumped by a helper that gives back
//! what it counted and the break, if any, so the flush comes after it on every path.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, Response, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let had = match tokio::fs::metadata(part).await {
        Ok(metadata) => metadata.len(),
        Err(err) if err.kind() == ErrorKind::NotFound => 0,
        Err(err) => return Err(ResumeError::File(err)),
    };

    let request = if had > 0 {
        client.get(url).header(RANGE, format!("bytes={had}-"))
    } else {
        client.get(url)
    };
    let mut response = request.send().await?;

    let status = response.status();
    let mut file = if status == StatusCode::PARTIAL_CONTENT {
        let content_range = match response.headers().get(CONTENT_RANGE) {
            Some(value) => value.to_str().unwrap_or_default().to_owned(),
            None => String::new(),
        };
        if first_byte(&content_range) != Some(had) {
            return Err(ResumeError::WrongRange {
                asked: had,
                content_range,
            });
        }
        OpenOptions::new()
            .write(true)
            .append(true)
            .create(true)
            .open(part)
            .await?
    } else if status == StatusCode::OK {
        OpenOptions::new()
            .write(true)
            .truncate(true)
            .create(true)
            .open(part)
            .await?
    } else {
        return Err(ResumeError::Status(status));
    };

    let start = if status == StatusCode::PARTIAL_CONTENT {
        had
    } else {
        0
    };
    let (added, stopped) = pump(&mut response, &mut file).await;
    file.flush().await?;
    match stopped {
        Some(err) => Err(err),
        None => Ok(start + added),
    }
}

/// Writes the body to `file` piece by piece; returns how many bytes went in, and why it stopped
/// early, if it did.
async fn pump(response: &mut Response, file: &mut File) -> (u64, Option<ResumeError>) {
    let mut added = 0_u64;
    loop {
        let piece = match response.chunk().await {
            Ok(Some(piece)) => piece,
            Ok(None) => return (added, None),
            Err(err) => return (added, Some(ResumeError::Http(err))),
        };
        if let Err(err) = file.write_all(&piece).await {
            return (added, Some(ResumeError::File(err)));
        }
        added += piece.len() as u64;
    }
}

/// FIRST of `bytes FIRST-LAST/SIZE` (SIZE a number or `*`, LAST not before FIRST); `None` for any
/// other form.
fn first_byte(content_range: &str) -> Option<u64> {
    let tokens: Vec<&str> = content_range.split([' ', '-', '/']).collect();
    let &[unit, first, last, size] = tokens.as_slice() else {
        return None;
    };
    if !unit.eq_ignore_ascii_case("bytes") {
        return None;
    }
    let (first, last) = (number(first)?, number(last)?);
    if last < first || (size != "*" && number(size).is_none()) {
        return None;
    }
    Some(first)
}

/// A run of ASCII digits as a number (no sign, no blank, not empty).
fn number(text: &str) -> Option<u64> {
    if text.is_empty() || !text.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}
