//! Correct: the answer is matched on the status's number and whether a range was asked
//! (`(206, 0)`, `(206, N)`, `(200, _)`, anything else), every 206 to a request that asked no range
//! being refused (one of the two permitted choices); the `Content-Range` start is read by hand,
//! its digits folded into a `u64` with `checked_mul` / `checked_add` (too many digits is a wrong
//! range, not a panic), and both answers go through one `File::options()` whose flags come from
//! where the body starts (`append` after N, `truncate` from 0); a write error ends the pump like
//! a break does, and the file is flushed on every way out.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, Response};
use tokio::fs::File;
use tokio::io::AsyncWriteExt;

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let had = part_size(part).await?;

    let request = if had == 0 {
        client.get(url)
    } else {
        client.get(url).header(RANGE, format!("bytes={had}-"))
    };
    let mut response = request.send().await?;

    let status = response.status();
    let start = match (status.as_u16(), had) {
        (206, 0) => {
            // No range was asked: a 206 is the server's mistake.
            return Err(ResumeError::WrongRange {
                asked: 0,
                content_range: content_range_of(&response),
            });
        }
        (206, asked) => {
            let content_range = content_range_of(&response);
            if starting_byte(&content_range) != Some(asked) {
                return Err(ResumeError::WrongRange {
                    asked,
                    content_range,
                });
            }
            asked
        }
        (200, _) => 0,
        _ => return Err(ResumeError::Status(status)),
    };

    let mut file = File::options()
        .write(true)
        .create(true)
        .append(start > 0)
        .truncate(start == 0)
        .open(part)
        .await?;

    let mut size = start;
    let pumped: Result<(), ResumeError> = loop {
        let piece = match response.chunk().await {
            Ok(Some(piece)) => piece,
            Ok(None) => break Ok(()),
            Err(err) => break Err(ResumeError::Http(err)),
        };
        if let Err(err) = file.write_all(&piece).await {
            break Err(ResumeError::File(err));
        }
        size += piece.len() as u64;
    };
    let flushed = file.flush().await;
    pumped?;
    flushed?;
    Ok(size)
}

/// The part's size: 0 when there is none.
async fn part_size(part: &Path) -> Result<u64, ResumeError> {
    match tokio::fs::metadata(part).await {
        Ok(metadata) => Ok(metadata.len()),
        Err(err) if err.kind() == ErrorKind::NotFound => Ok(0),
        Err(err) => Err(ResumeError::File(err)),
    }
}

/// The `Content-Range` header's text (as UTF-8, lossily), or `""` when there is none.
fn content_range_of(response: &Response) -> String {
    match response.headers().get(CONTENT_RANGE) {
        Some(value) => String::from_utf8_lossy(value.as_bytes()).into_owned(),
        None => String::new(),
    }
}

/// FIRST of `bytes FIRST-LAST/SIZE` (LAST and SIZE digits, SIZE or `*`), read by hand.
fn starting_byte(content_range: &str) -> Option<u64> {
    let spec = content_range.trim().strip_prefix("bytes ")?;
    let (range, size) = spec.split_once('/')?;
    if size != "*" && (size.is_empty() || !size.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let (first, last) = range.split_once('-')?;
    if last.is_empty() || !last.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if first.is_empty() {
        return None;
    }
    first.bytes().try_fold(0u64, |value, digit| {
        if !digit.is_ascii_digit() {
            return None;
        }
        value.checked_mul(10)?.checked_add(u64::from(digit - b'0'))
    })
}
