//! Wrong: breaks "a body that breaks off is `Err(ResumeError::Http(err))`, with every byte that arrived before the break written to `part`"
//! The learner remembers the HTTP/1.0 rule that a body without `Content-Length` ends when the
//! server closes the connection, so when `chunk()` fails on an answer that announced no length,
//! they take it as the end of the file and return `Ok`. With a length the break is caught; but a
//! chunked answer (no `Content-Length`) cut off before its last chunk is reported as a finished
//! download, and the caller never resumes it.

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
                .unwrap_or("")
                .to_owned();
            match first_byte(&content_range) {
                Some(first) if had > 0 && first == had => {
                    (OpenOptions::new().append(true).open(part).await?, had)
                }
                _ => {
                    return Err(ResumeError::WrongRange {
                        asked: had,
                        content_range,
                    });
                }
            }
        }
        StatusCode::OK => (File::create(part).await?, 0),
        status => return Err(ResumeError::Status(status)),
    };

    // Without a length, the server says "that's all" by closing the connection.
    let announced = response.content_length();
    let outcome = loop {
        match response.chunk().await {
            Ok(Some(piece)) => {
                if let Err(err) = file.write_all(&piece).await {
                    break Err(ResumeError::File(err));
                }
                size += piece.len() as u64;
            }
            Ok(None) => break Ok(size),
            Err(_) if announced.is_none() => break Ok(size),
            Err(err) => break Err(ResumeError::Http(err)),
        }
    };
    file.flush().await?;
    outcome
}

/// FIRST of `bytes FIRST-LAST/SIZE` (SIZE a number or `*`, LAST not before FIRST).
fn first_byte(text: &str) -> Option<u64> {
    let (span, total) = text.strip_prefix("bytes ")?.split_once('/')?;
    if total != "*" {
        total.parse::<u64>().ok()?;
    }
    let (first, last) = span.split_once('-')?;
    let (first, last): (u64, u64) = (first.parse().ok()?, last.parse().ok()?);
    (first <= last).then_some(first)
}
