//! Correct: the status is sorted with an `if` / `else if` chain; the `Content-Range` is parsed
//! strictly by hand (unit compared case-insensitively, as range units are, FIRST and LAST plain
//! digits with FIRST <= LAST, SIZE `*` or digits above LAST); every 206 to a request that asked no
//! range is refused (the contract's other permitted choice); the part is opened with
//! `File::options()`, each piece handed over with `write_all_buf`, and the file flushed and
//! `sync_data`-ed on both ways out of the loop.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::File;
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
    let (mut file, mut size) = if status == StatusCode::PARTIAL_CONTENT {
        let content_range = match response.headers().get(CONTENT_RANGE) {
            Some(value) => value.to_str().unwrap_or("").to_owned(),
            None => String::new(),
        };
        // With N = 0 nothing was asked: any 206 is the server's mistake, and refused.
        if had == 0 || first_byte(&content_range) != Some(had) {
            return Err(ResumeError::WrongRange {
                asked: had,
                content_range,
            });
        }
        let file = File::options().create(true).append(true).open(part).await?;
        (file, had)
    } else if status == StatusCode::OK {
        let file = File::options()
            .create(true)
            .write(true)
            .truncate(true)
            .open(part)
            .await?;
        (file, 0)
    } else {
        return Err(ResumeError::Status(status));
    };

    let outcome: Result<u64, ResumeError> = loop {
        match response.chunk().await {
            Ok(Some(mut piece)) => {
                let length = piece.len() as u64;
                if let Err(err) = file.write_all_buf(&mut piece).await {
                    break Err(err.into());
                }
                size += length;
            }
            Ok(None) => break Ok(size),
            Err(err) => break Err(err.into()),
        }
    };
    file.flush().await?;
    file.sync_data().await?;
    outcome
}

/// FIRST of `bytes FIRST-LAST/SIZE` (SIZE may be `*`), when the header is exactly that.
fn first_byte(content_range: &str) -> Option<u64> {
    let (unit, rest) = content_range.split_once(' ')?;
    if !unit.eq_ignore_ascii_case("bytes") {
        return None;
    }
    let (span, total) = rest.split_once('/')?;
    let (first, last) = span.split_once('-')?;
    let (first, last) = (number(first)?, number(last)?);
    if first > last {
        return None;
    }
    if total != "*" && number(total)? <= last {
        return None;
    }
    Some(first)
}

/// A run of ASCII digits as a number (no sign, no spaces, not empty).
fn number(digits: &str) -> Option<u64> {
    if digits.is_empty() || !digits.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}
