//! Correct: the answer is matched on `(status, N)` with every 206 to a request that asked no range
//! refused (the contract's other permitted choice), the `Content-Range` cut with
//! `strip_prefix`/`split_once` and parsed as numbers (LAST not before FIRST, SIZE a number or `*`),
//! the 200 opened with `OpenOptions` (write + create + truncate), and the body read by `while let
//! Some(next) = response.chunk().await.transpose()`, a break kept aside so that the flush runs
//! before it is returned.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, Response, StatusCode};
use tokio::fs::OpenOptions;
use tokio::io::AsyncWriteExt;

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let had = match tokio::fs::metadata(part).await {
        Ok(metadata) => metadata.len(),
        Err(err) if err.kind() == ErrorKind::NotFound => 0,
        Err(err) => return Err(ResumeError::File(err)),
    };
    let request = if had == 0 {
        client.get(url)
    } else {
        client.get(url).header(RANGE, format!("bytes={had}-"))
    };
    let mut response = request.send().await?;

    let mut options = OpenOptions::new();
    let start = match (response.status(), had) {
        // No range was asked: a 206 is the server's mistake, refused whatever it says.
        (StatusCode::PARTIAL_CONTENT, 0) => return Err(wrong_range(&response, had)),
        (StatusCode::PARTIAL_CONTENT, _) => {
            if starts_at(&response) != Some(had) {
                return Err(wrong_range(&response, had));
            }
            options.append(true);
            had
        }
        (StatusCode::OK, _) => {
            options.write(true).create(true).truncate(true);
            0
        }
        (status, _) => return Err(ResumeError::Status(status)),
    };
    let mut file = options.open(part).await?;

    let mut written = 0u64;
    let mut broke = None;
    while let Some(next) = response.chunk().await.transpose() {
        match next {
            Ok(piece) => {
                file.write_all(&piece).await?;
                written += piece.len() as u64;
            }
            Err(err) => {
                broke = Some(err);
                break;
            }
        }
    }
    file.flush().await?;
    match broke {
        Some(err) => Err(ResumeError::Http(err)),
        None => Ok(start + written),
    }
}

/// The `Content-Range` header's text, or `""` when it is missing or not text.
fn content_range(response: &Response) -> String {
    response
        .headers()
        .get(CONTENT_RANGE)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

fn wrong_range(response: &Response, asked: u64) -> ResumeError {
    ResumeError::WrongRange {
        asked,
        content_range: content_range(response),
    }
}

/// The first byte of a 206, if its `Content-Range` is `bytes FIRST-LAST/SIZE`.
fn starts_at(response: &Response) -> Option<u64> {
    let text = content_range(response);
    let (span, size) = text.strip_prefix("bytes ")?.split_once('/')?;
    if size != "*" {
        size.parse::<u64>().ok()?;
    }
    let (first, last) = span.split_once('-')?;
    let first: u64 = first.parse().ok()?;
    let last: u64 = last.parse().ok()?;
    (last >= first).then_some(first)
}
