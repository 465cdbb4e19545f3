//! Wrong: breaks "one GET of `url` through `client`, with `Range: bytes=N-` when N is over 0"
//! for every resume: a part of 5,003 bytes is asked `Range: bytes=5004-`, and the answer from
//! there (`bytes 5004-6999/7000`) is appended, so byte 5,003 of the file is missing from the part.
//! The learner counted as people do: "the part holds N bytes, so it ends at byte N, and the rest
//! starts at the next one, N + 1", forgetting that HTTP counts bytes from 0 (a part of N bytes
//! holds bytes 0 to N - 1). The answer is otherwise consistent and careful: the `206` is checked
//! against the byte it asked for, a `200` empties the part, anything else is `Status`.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, Response, StatusCode};
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
    // The part ends at byte `had`; the rest starts at the next one.
    let from = had + 1;
    if had > 0 {
        request = request.header(RANGE, format!("bytes={from}-"));
    }
    let mut response = request.send().await?;
    let (mut file, start) = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = content_range_text(&response);
            if had == 0 || first_byte(&content_range) != Some(from) {
                return Err(ResumeError::WrongRange {
                    asked: from,
                    content_range,
                });
            }
            let file = OpenOptions::new()
                .create(true)
                .append(true)
                .open(part)
                .await?;
            (file, had)
        }
        StatusCode::OK => (File::create(part).await?, 0),
        status => return Err(ResumeError::Status(status)),
    };
    let outcome = pump(&mut response, &mut file, start).await;
    let flushed = file.flush().await;
    let size = outcome?;
    flushed?;
    Ok(size)
}

/// Copies the body to `file` piece by piece; the size of the part once it is all in.
async fn pump(response: &mut Response, file: &mut File, mut size: u64) -> Result<u64, ResumeError> {
    loop {
        match response.chunk().await {
            Ok(Some(piece)) => {
                file.write_all(&piece).await?;
                size += piece.len() as u64;
            }
            Ok(None) => return Ok(size),
            Err(err) => return Err(ResumeError::Http(err)),
        }
    }
}

/// The `Content-Range` header's text, or `""`.
fn content_range_text(response: &Response) -> String {
    response
        .headers()
        .get(CONTENT_RANGE)
        .map(|value| String::from_utf8_lossy(value.as_bytes()).into_owned())
        .unwrap_or_default()
}

/// FIRST of `bytes FIRST-LAST/SIZE`.
fn first_byte(content_range: &str) -> Option<u64> {
    lesson_11::parse_content_range(content_range)
        .filter(|_| !content_range.trim().starts_with("bytes */"))
        .map(|(first, _)| first)
}
