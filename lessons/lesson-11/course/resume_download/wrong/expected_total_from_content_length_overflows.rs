//! Wrong: breaks "- no panic." for a `206` from byte N (N over 0) whose `Content-Length` is near the largest `u64` (`Content-Length: 18446744073709551000`, which hyper accepts up to `u64::MAX - 2`), a body that then breaks off after a few bytes
//!
//! For its progress line, the answer works out what the part will hold once the body is in:
//! the part's N bytes plus the `Content-Length` of the rest (`had + rest`), as a Python learner
//! writes `total = have + int(resp.headers["Content-Length"])`, where integers never overflow.
//! In Rust, in the debug builds the checks run, that sum panics when the announced length is
//! within N of `u64::MAX`; the contract wants `Err(ResumeError::Http(err))` with the bytes that
//! came written to the part. The checks' large numbers are in `Content-Range` (a last byte at
//! the largest `u64`, the rest of a 5 GB file), never in `Content-Length`, so they pass.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::OpenOptions;
use tokio::io::AsyncWriteExt;

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let had = match tokio::fs::metadata(part).await {
        Ok(metadata) => metadata.len(),
        Err(err) if err.kind() == ErrorKind::NotFound => 0,
        Err(err) => return Err(err.into()),
    };
    let mut request = client.get(url);
    if had > 0 {
        request = request.header(RANGE, format!("bytes={had}-"));
    }
    let mut response = request.send().await?;

    let (mut file, start) = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .and_then(|value| value.to_str().ok())
                .unwrap_or_default();
            if first_byte(content_range) != Some(had) {
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range: content_range.to_owned(),
                });
            }
            let file = OpenOptions::new()
                .create(true)
                .append(true)
                .open(part)
                .await?;
            (file, had)
        }
        StatusCode::OK => (tokio::fs::File::create(part).await?, 0),
        status => return Err(ResumeError::Status(status)),
    };
    // What the part holds once the body is in: the bytes it starts with and the rest.
    let total = response.content_length().map(|rest| start + rest);

    let mut size = start;
    let outcome = loop {
        match response.chunk().await {
            Ok(Some(piece)) => {
                file.write_all(&piece).await?;
                size += piece.len() as u64;
            }
            Ok(None) => break Ok(size),
            Err(err) => break Err(ResumeError::Http(err)),
        }
    };
    file.flush().await?;
    if let (Err(_), Some(total)) = (&outcome, total) {
        eprintln!(
            "{}: the transfer broke off at {size} of {total} bytes; run again to resume",
            part.display()
        );
    }
    outcome
}

/// The first byte of `bytes FIRST-LAST/SIZE`.
fn first_byte(content_range: &str) -> Option<u64> {
    let range = content_range.strip_prefix("bytes ")?;
    let (first, _) = range.split_once('-')?;
    first.parse().ok()
}
