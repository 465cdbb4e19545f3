//! Correct: written as a C programmer writes it: each piece goes out through a `write` loop that
//! handles short writes itself (`write` returns how much it took; 0 is `WriteZero`), the counter
//! advancing by what was taken; the `Content-Range` is cut with `split_once` into unit, span and
//! size and the span into FIRST and LAST; every 206 to a request that asked no range is refused
//! (the contract's other permitted choice), so N = 0 accepts only a 200; the part for a 200 is
//! emptied by `set_len(0)` on a handle opened for appending.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// FIRST of `bytes FIRST-LAST/SIZE` (SIZE a number or `*`, LAST not before FIRST).
fn first_of(content_range: &str) -> Option<u64> {
    let mut fields = content_range.splitn(2, ' ');
    if fields.next()? != "bytes" {
        return None;
    }
    let (span, size) = fields.next()?.split_once('/')?;
    if size != "*" && size.parse::<u64>().is_err() {
        return None;
    }
    let (first, last) = span.split_once('-')?;
    let first: u64 = first.parse().ok()?;
    let last: u64 = last.parse().ok()?;
    if last < first {
        return None;
    }
    Some(first)
}

/// Writes all of `bytes` to `file`, however many calls it takes; the bytes written.
async fn write_out(file: &mut File, bytes: &[u8]) -> std::io::Result<u64> {
    let mut rest = bytes;
    let mut written = 0u64;
    while !rest.is_empty() {
        let took = file.write(rest).await?;
        if took == 0 {
            return Err(std::io::Error::from(ErrorKind::WriteZero));
        }
        written += took as u64;
        rest = &rest[took..];
    }
    Ok(written)
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

    let status = response.status();
    if status == StatusCode::PARTIAL_CONTENT {
        let content_range = match response.headers().get(CONTENT_RANGE) {
            Some(value) => value.to_str().unwrap_or("").to_owned(),
            None => String::new(),
        };
        // No range asked (N = 0): a 206 is the server's mistake, and is refused.
        if had == 0 || first_of(&content_range) != Some(had) {
            return Err(ResumeError::WrongRange {
                asked: had,
                content_range,
            });
        }
    } else if status != StatusCode::OK {
        return Err(ResumeError::Status(status));
    }

    let mut file = OpenOptions::new()
        .create(true)
        .append(true)
        .open(part)
        .await?;
    let mut size = had;
    if status == StatusCode::OK {
        file.set_len(0).await?;
        size = 0;
    }

    let outcome = loop {
        match response.chunk().await {
            Ok(Some(piece)) => match write_out(&mut file, &piece).await {
                Ok(written) => size += written,
                Err(err) => break Err(ResumeError::File(err)),
            },
            Ok(None) => break Ok(size),
            Err(err) => break Err(ResumeError::Http(err)),
        }
    };
    file.flush().await?;
    outcome
}
