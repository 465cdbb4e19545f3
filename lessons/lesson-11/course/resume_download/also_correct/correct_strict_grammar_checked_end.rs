//! Correct: the `Content-Range` is held to its grammar by hand, field by field (a unit equal to
//! `bytes` in any case, exactly one space, FIRST, LAST and SIZE made of ASCII digits only, SIZE or
//! `*`, LAST not before FIRST and before SIZE, the end computed with `checked_add`, so no header can
//! make it panic), and the whole body of an accepted answer is written, however long it runs; the
//! pieces are pumped by a helper whose every error comes back to the one `flush`.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, Response, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// A run of ASCII digits as a number (no sign, no blank, not empty, not too large).
fn digits(text: &str) -> Option<u64> {
    if text.is_empty() || !text.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// FIRST of a well-formed `bytes FIRST-LAST/SIZE` (SIZE a number or `*`); `None` for any other
/// text, `bytes */SIZE` included.
fn first_byte(text: &str) -> Option<u64> {
    let (unit, rest) = text.split_once(' ')?;
    if !unit.eq_ignore_ascii_case("bytes") {
        return None;
    }
    let (span, size) = rest.split_once('/')?;
    let size = if size == "*" {
        None
    } else {
        Some(digits(size)?)
    };
    let (first, last) = span.split_once('-')?;
    let (first, last) = (digits(first)?, digits(last)?);
    let end = last.checked_add(1)?;
    if end <= first {
        return None;
    }
    if let Some(size) = size
        && end > size
    {
        return None;
    }
    Some(first)
}

/// Copies the body into `file`, a piece at a time; the size of the part when it is all in.
async fn pump(response: &mut Response, file: &mut File, mut size: u64) -> Result<u64, ResumeError> {
    while let Some(piece) = response.chunk().await? {
        file.write_all(&piece).await?;
        size += piece.len() as u64;
    }
    Ok(size)
}

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
    let (mut file, start) = if status == StatusCode::PARTIAL_CONTENT {
        let content_range = match response.headers().get(CONTENT_RANGE) {
            Some(value) => value.to_str().unwrap_or_default().to_owned(),
            None => String::new(),
        };
        // With nothing asked (had = 0) a 206 from byte 0 is taken, as the contract allows.
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
    } else if status == StatusCode::OK {
        (File::create(part).await?, 0)
    } else {
        return Err(ResumeError::Status(status));
    };

    let outcome = pump(&mut response, &mut file, start).await;
    file.flush().await?;
    outcome
}
