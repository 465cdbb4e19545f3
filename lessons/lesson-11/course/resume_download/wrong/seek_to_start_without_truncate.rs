//! Wrong: breaks "`200 OK`: the server sends the whole file from its first byte (it ignored the range, or the file changed): `part` is emptied, then the body written from the start"
//! The part is opened once for both answers, `write(true).create(true).truncate(false)`, and the
//! cursor is put where the body belongs: byte N for a 206, byte 0 for a 200. A 200 then writes
//! over the old part from its first byte, but never empties it: when the body is shorter than the
//! part (the file changed and shrank, or a 200 that breaks off after 27 bytes over a part of
//! 5,003), the old bytes after it stay, and the part is longer than what the server sent; the
//! `Ok(size)` returned (the bytes written from the start) is not the part's size either. With
//! the course's file, whose bytes depend only on their offset, a whole 200 over a shorter part
//! overwrites every old byte with the same byte, so the part is right byte for byte. The learner
//! set `truncate(false)` on purpose, to silence clippy's `suspicious_open_options`: "truncating
//! would destroy the part a 206 appends to".

use std::io::{ErrorKind, SeekFrom};
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::OpenOptions;
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

    // Where the body goes in the part: after what we have for a 206, from the start for a 200.
    let start = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .and_then(|value| value.to_str().ok())
                .unwrap_or("")
                .to_owned();
            if !starts_at(&content_range, had) {
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range,
                });
            }
            had
        }
        StatusCode::OK => 0,
        status => return Err(ResumeError::Status(status)),
    };

    // One open for both answers: never truncate, a 206 needs the bytes already there.
    let mut file = OpenOptions::new()
        .create(true)
        .write(true)
        .truncate(false)
        .open(part)
        .await?;
    file.seek(SeekFrom::Start(start)).await?;

    let mut written: u64 = 0;
    let outcome = loop {
        match response.chunk().await {
            Ok(Some(piece)) => {
                file.write_all(&piece).await?;
                written += piece.len() as u64;
            }
            Ok(None) => break Ok(start + written),
            Err(err) => break Err(ResumeError::Http(err)),
        }
    };
    file.flush().await?;
    outcome
}

/// Whether `content_range` is `bytes FIRST-LAST/SIZE` with `FIRST` equal to `asked`.
fn starts_at(content_range: &str, asked: u64) -> bool {
    let Some(rest) = content_range.trim().strip_prefix("bytes ") else {
        return false;
    };
    let Some((range, _size)) = rest.split_once('/') else {
        return false;
    };
    let Some((first, last)) = range.split_once('-') else {
        return false;
    };
    first.parse::<u64>().ok() == Some(asked) && last.parse::<u64>().is_ok()
}
