//! Wrong: breaks "a `206` whose `Content-Range` starts elsewhere, or that has none, is `Err(ResumeError::WrongRange { asked: N, content_range })` (the header's text, or `""`), and `part` is left as it was"
//! for a part of N > 0 bytes answered `206` from another byte (5,003 bytes of `/files/7000`
//! answered `Content-Range: bytes 15003-…`, or `bytes 2000-…`): the body is written into the
//! part at the offset the server names (`seek` to FIRST, then write), so a 206 from beyond N
//! leaves a run of zero bytes between N and FIRST and returns `Ok`, and one from before N
//! writes over bytes the part had.
//! The learner wrote it the way segmented downloaders (aria2, IDM) place each answer: the
//! `Content-Range` says where the bytes belong, so put them there instead of trusting the end
//! of the file; a 206 with no parseable `Content-Range`, or one to a request that asked no
//! range, is still refused, and the size returned is read from the open file after the flush.

use std::io::{ErrorKind, SeekFrom};
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, Response, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::{AsyncSeekExt, AsyncWriteExt};

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
            // Where the server says these bytes go in the file.
            let first = match first_byte(&content_range) {
                Some(first) if had > 0 => first,
                _ => {
                    return Err(ResumeError::WrongRange {
                        asked: had,
                        content_range,
                    });
                }
            };
            let mut file = OpenOptions::new().write(true).open(part).await?;
            file.seek(SeekFrom::Start(first)).await?;
            (file, first)
        }
        StatusCode::OK => (File::create(part).await?, 0),
        status => return Err(ResumeError::Status(status)),
    };
    let outcome = pump(&mut response, &mut file, start).await;
    let flushed = file.flush().await;
    outcome?;
    flushed?;
    Ok(file.metadata().await?.len())
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
