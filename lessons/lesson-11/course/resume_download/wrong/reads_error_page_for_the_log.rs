//! Wrong: breaks "any other status (a 416, a 404, a 503, a 300 …): `Err(ResumeError::Status(status))`, and `part` is left as it was"
//! The `requests` habit of `print(r.status_code, r.text)` before raising: the server's error page
//! is the best clue to what went wrong, so for any status but 206 and 200 the learner reads it with
//! `response.text().await?` and logs its first line, then returns `Status(status)`. The checks'
//! error answers have small, whole bodies, so every one of them still comes back as `Status`. But
//! the `?` turns an error page that breaks off (a `503` whose `Content-Length` promises more than
//! the server sends before closing) or goes quiet past the client's read timeout into
//! `Err(Http(..))` instead of `Status(503)`, and a page that never ends keeps the call waiting on
//! a body the contract never asks to read.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// The first byte a `Content-Range: bytes FIRST-LAST/SIZE` names, if it has that form.
fn first_byte(content_range: &str) -> Option<u64> {
    let (first, _) = content_range.strip_prefix("bytes ")?.split_once('-')?;
    if first.is_empty() || !first.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    first.parse().ok()
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

    let (mut file, mut size) = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .and_then(|value| value.to_str().ok())
                .unwrap_or_default()
                .to_owned();
            if had == 0 || first_byte(&content_range) != Some(had) {
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range,
                });
            }
            (OpenOptions::new().append(true).open(part).await?, had)
        }
        StatusCode::OK => (File::create(part).await?, 0),
        status => {
            // What the server says about it is the best clue: log its first line.
            let page = response.text().await?;
            let first_line: String = page
                .lines()
                .next()
                .unwrap_or("")
                .chars()
                .take(120)
                .collect();
            if !first_line.trim().is_empty() {
                eprintln!("resume_download: {url} answered {status}: {first_line}");
            }
            return Err(ResumeError::Status(status));
        }
    };

    let outcome = loop {
        match response.chunk().await {
            Ok(Some(piece)) => {
                if let Err(err) = file.write_all(&piece).await {
                    break Err(ResumeError::File(err));
                }
                size += piece.len() as u64;
            }
            Ok(None) => break Ok(size),
            Err(err) => break Err(ResumeError::Http(err)),
        }
    };
    file.flush().await?;
    outcome
}
