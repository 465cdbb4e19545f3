//! Wrong: breaks "`206 Partial Content` whose `Content-Range` starts at byte N (`bytes N-LAST/SIZE`, SIZE being `*` when the server does not know it): its body is appended to `part`"
//! for a right `206` from byte N (N over 0) that carries neither an `ETag` nor a
//! `Last-Modified` (5,003 bytes of `/files/7000` answered `206` with
//! `Content-Range: bytes 5003-6999/7000` and no validator): the answer returns
//! `Err(ResumeError::WrongRange { asked: 5003, content_range: "bytes 5003-6999/7000" })` and
//! appends nothing.
//! The learner read RFC 9110's section on combining partial content (a client should only join
//! parts that share a validator) and the chapter's `If-Range`, and concluded that a rest which
//! names no version at all cannot be proven to belong to the bytes already in the part; so it is
//! treated like a 206 for the wrong range. A 206 that carries either validator is appended.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, ETAG, LAST_MODIFIED, RANGE};
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
    if had > 0 {
        request = request.header(RANGE, format!("bytes={had}-"));
    }
    let mut response = request.send().await?;
    let (mut file, start) = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = content_range_text(&response);
            // A rest that names no version cannot be proven to fit the part.
            let has_validator = response.headers().contains_key(ETAG)
                || response.headers().contains_key(LAST_MODIFIED);
            if had == 0 || first_byte(&content_range) != Some(had) || !has_validator {
                return Err(ResumeError::WrongRange {
                    asked: had,
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
