//! Correct: a resume never creates a file: a 206 from byte N (N over 0) is appended through
//! `OpenOptions::new().append(true)` without `create`, since the part was there a moment ago (if
//! another program removed it meanwhile, the open fails with `NotFound` and nothing is written,
//! rather than a new file getting byte N at offset 0); a 206 to a request that asked no range is
//! always refused as `WrongRange`, even one from byte 0 (the contract allows either); only a 200
//! makes a file (`File::create`). The `Content-Range` is cut with `split_once` at its first space
//! (the unit, compared whole) and its dash; the answer is matched on `(status, N)`.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
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

    let (mut file, mut size): (File, u64) = match (response.status(), had) {
        (StatusCode::OK, _) => (File::create(part).await?, 0),
        (StatusCode::PARTIAL_CONTENT, 0) => return Err(wrong_range(&response, had)),
        (StatusCode::PARTIAL_CONTENT, _) => {
            let starts_at_had = response
                .headers()
                .get(CONTENT_RANGE)
                .and_then(|value| value.to_str().ok())
                .and_then(first_byte)
                == Some(had);
            if !starts_at_had {
                return Err(wrong_range(&response, had));
            }
            let file = OpenOptions::new().append(true).open(part).await?;
            (file, had)
        }
        (status, _) => return Err(ResumeError::Status(status)),
    };

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
    outcome
}

/// The refusal of a 206 that does not start where the part ends.
fn wrong_range(response: &reqwest::Response, had: u64) -> ResumeError {
    ResumeError::WrongRange {
        asked: had,
        content_range: response
            .headers()
            .get(CONTENT_RANGE)
            .and_then(|value| value.to_str().ok())
            .unwrap_or_default()
            .to_owned(),
    }
}

/// FIRST of `bytes FIRST-LAST/SIZE`: the unit, then the digits before the dash.
fn first_byte(content_range: &str) -> Option<u64> {
    let (unit, range) = content_range.split_once(' ')?;
    if unit != "bytes" {
        return None;
    }
    let (first, _) = range.split_once('-')?;
    first.parse().ok()
}
