//! Correct: written as a Go programmer writes it: the part is a plain `std::fs::File` (Go's
//! `os.File`, Java's `FileOutputStream`), which has no buffer of its own, so every `write_all` has
//! handed its bytes to the OS when it returns and nothing is left to flush (std's `flush` on a
//! `File` does nothing); the copy is Go's `io.Copy` shape, `(written, err)`, with the error kept as
//! the `ResumeError` it is (a break stays `Http`, a failed write is `File`). The blocking calls are
//! short writes to a local disk between two awaits, never held across one.

use std::fs::{File, OpenOptions};
use std::io::{ErrorKind, Write};
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, Response, StatusCode};

/// `bytes FIRST-LAST/SIZE` (SIZE a number or `*`) as FIRST; `None` for anything else.
fn first_byte(text: &str) -> Option<u64> {
    let (span, size) = text.strip_prefix("bytes ")?.split_once('/')?;
    let (first, last) = span.split_once('-')?;
    let first: u64 = first.parse().ok()?;
    let last: u64 = last.parse().ok()?;
    let size_ok = size == "*" || size.parse::<u64>().is_ok_and(|size| last < size);
    (first <= last && size_ok).then_some(first)
}

/// Go's `written, err := io.Copy(dst, src)`: what was written, and why it stopped, if it did not
/// reach the end.
async fn copy(dst: &mut File, src: &mut Response) -> (u64, Option<ResumeError>) {
    let mut written = 0;
    loop {
        match src.chunk().await {
            Ok(Some(piece)) => {
                if let Err(err) = dst.write_all(&piece) {
                    return (written, Some(ResumeError::File(err)));
                }
                written += piece.len() as u64;
            }
            Ok(None) => return (written, None),
            Err(err) => return (written, Some(ResumeError::Http(err))),
        }
    }
}

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    // fi, err := os.Stat(part)
    let n = match std::fs::metadata(part) {
        Ok(info) => info.len(),
        Err(err) if err.kind() == ErrorKind::NotFound => 0,
        Err(err) => return Err(ResumeError::File(err)),
    };
    let mut request = client.get(url);
    if n > 0 {
        request = request.header(RANGE, format!("bytes={n}-"));
    }
    let mut resp = request.send().await?;

    let (mut f, offset) = match resp.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = resp
                .headers()
                .get(CONTENT_RANGE)
                .and_then(|value| value.to_str().ok())
                .unwrap_or("")
                .to_owned();
            if first_byte(&content_range) != Some(n) {
                return Err(ResumeError::WrongRange {
                    asked: n,
                    content_range,
                });
            }
            // os.OpenFile(part, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
            let f = OpenOptions::new().append(true).create(true).open(part)?;
            (f, n)
        }
        // os.Create(part): O_TRUNC
        StatusCode::OK => (File::create(part)?, 0),
        status => return Err(ResumeError::Status(status)),
    };

    let (written, err) = copy(&mut f, &mut resp).await;
    match err {
        None => Ok(offset + written),
        Some(err) => Err(err),
    }
}
