//! Correct: the error statuses are weeded out first with `error_for_status_ref()` (the borrowing
//! one, whose error is only looked at, and mapped to `Status`, never to `Http`), then the two
//! useful answers become a `Start` (`Append` from N or `Over` from 0) with the `Content-Range`
//! checked by a strict parser (digits only, SIZE a number or `*`, FIRST == N; an unasked 206 from
//! byte 0 is appended, the part created); the body is moved by a helper, `pump`, that owns no file,
//! returns what it wrote and the break if any, and the caller flushes before deciding.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, HeaderValue, RANGE};
use reqwest::{Client, Response, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// Where the body goes.
enum Start {
    /// After the part's N bytes.
    Append(u64),
    /// Over an emptied part.
    Over,
}

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let had = match tokio::fs::metadata(part).await {
        Ok(metadata) => metadata.len(),
        Err(err) if err.kind() == ErrorKind::NotFound => 0,
        Err(err) => return Err(ResumeError::File(err)),
    };

    let request = client.get(url);
    let request = if had > 0 {
        request.header(RANGE, format!("bytes={had}-"))
    } else {
        request
    };
    let mut response = request.send().await?;

    let status = response.status();
    if response.error_for_status_ref().is_err() {
        // A 4xx or 5xx: nothing is written.
        return Err(ResumeError::Status(status));
    }
    let start = if status == StatusCode::OK {
        Start::Over
    } else if status == StatusCode::PARTIAL_CONTENT {
        let header = response.headers().get(CONTENT_RANGE);
        if header.and_then(first_of) == Some(had) {
            Start::Append(had)
        } else {
            let content_range = header
                .and_then(|value| value.to_str().ok())
                .unwrap_or_default()
                .to_owned();
            return Err(ResumeError::WrongRange {
                asked: had,
                content_range,
            });
        }
    } else {
        // 1xx that reached us, the other 2xx, 3xx.
        return Err(ResumeError::Status(status));
    };

    let (mut file, from) = match start {
        Start::Append(from) => (
            OpenOptions::new()
                .create(true)
                .append(true)
                .open(part)
                .await?,
            from,
        ),
        Start::Over => (File::create(part).await?, 0),
    };
    let (written, outcome) = pump(&mut response, &mut file).await;
    file.flush().await?;
    outcome?;
    Ok(from + written)
}

/// Copies the body into `file` piece by piece: how many bytes were written, and how it ended.
async fn pump(response: &mut Response, file: &mut File) -> (u64, Result<(), ResumeError>) {
    let mut written = 0;
    loop {
        let piece = match response.chunk().await {
            Ok(Some(piece)) => piece,
            Ok(None) => return (written, Ok(())),
            Err(err) => return (written, Err(ResumeError::Http(err))),
        };
        if let Err(err) = file.write_all(&piece).await {
            return (written, Err(ResumeError::File(err)));
        }
        written += piece.len() as u64;
    }
}

/// FIRST of a `Content-Range: bytes FIRST-LAST/SIZE` (SIZE a number or `*`, FIRST <= LAST < SIZE).
fn first_of(value: &HeaderValue) -> Option<u64> {
    let text = value.to_str().ok()?;
    let (unit, rest) = text.split_once(' ')?;
    if unit != "bytes" {
        return None;
    }
    let (span, size) = rest.split_once('/')?;
    let (first, last) = span.split_once('-')?;
    let first = digits(first)?;
    let last = digits(last)?;
    let fits = match size {
        "*" => true,
        size => digits(size)? > last,
    };
    (first <= last && fits).then_some(first)
}

/// A number written in plain decimal digits.
fn digits(text: &str) -> Option<u64> {
    (!text.is_empty() && text.bytes().all(|byte| byte.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}
