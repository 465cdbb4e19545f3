//! Correct: takes the other permitted choice for a 206 to a request that asked no range: one
//! whose `Content-Range` starts at byte 0 is written, the part created (one from another byte,
//! or with none, is refused); the answer is first reduced to a `Destination` (`After(N)` or
//! `Over`) by a pure function of the head, the part is a small `PartWriter` holding the tokio
//! `File` and the size reached, and each piece goes in through `tokio::io::copy_buf` from the
//! piece's bytes (a `&[u8]` is an `AsyncBufRead`), the count of bytes it copied added to the
//! size; the body's break is kept aside so that `finish` (flush, then the size) runs on both
//! ways out of the loop.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, HeaderMap, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// Where the body of an answer goes.
enum Destination {
    /// After the N bytes the part holds (a 206 from byte N; from byte 0 into an empty part).
    After(u64),
    /// Over the part, emptied first (a 200).
    Over,
}

/// The part being written, and how large it is.
struct PartWriter {
    file: File,
    size: u64,
}

impl PartWriter {
    async fn open(part: &Path, destination: &Destination) -> std::io::Result<Self> {
        match *destination {
            Destination::After(size) => {
                let file = OpenOptions::new()
                    .create(true)
                    .append(true)
                    .open(part)
                    .await?;
                Ok(Self { file, size })
            }
            Destination::Over => Ok(Self {
                file: File::create(part).await?,
                size: 0,
            }),
        }
    }

    async fn put(&mut self, piece: &[u8]) -> std::io::Result<()> {
        let mut bytes = piece;
        let copied = tokio::io::copy_buf(&mut bytes, &mut self.file).await?;
        self.size += copied;
        Ok(())
    }

    async fn finish(mut self) -> std::io::Result<u64> {
        self.file.flush().await?;
        Ok(self.size)
    }
}

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

    let destination = destination(response.status(), response.headers(), had)?;
    let mut writer = PartWriter::open(part, &destination).await?;

    let mut broke = None;
    let mut write_error = None;
    loop {
        match response.chunk().await {
            Ok(Some(piece)) => {
                if let Err(err) = writer.put(&piece).await {
                    write_error = Some(err);
                    break;
                }
            }
            Ok(None) => break,
            Err(err) => {
                broke = Some(err);
                break;
            }
        }
    }
    let finished = writer.finish().await;
    if let Some(err) = write_error {
        return Err(ResumeError::File(err));
    }
    if let Some(err) = broke {
        return Err(ResumeError::Http(err));
    }
    finished.map_err(ResumeError::File)
}

/// Where the body goes, from the status and headers alone; or why it goes nowhere.
fn destination(
    status: StatusCode,
    headers: &HeaderMap,
    had: u64,
) -> Result<Destination, ResumeError> {
    if status == StatusCode::OK {
        return Ok(Destination::Over);
    }
    if status != StatusCode::PARTIAL_CONTENT {
        return Err(ResumeError::Status(status));
    }
    let content_range = headers
        .get(CONTENT_RANGE)
        .map(|value| String::from_utf8_lossy(value.as_bytes()).into_owned())
        .unwrap_or_default();
    // A 206 from byte N; with no range asked (N = 0), one from byte 0 is written as it is.
    match first_of(&content_range) {
        Some(first) if first == had => Ok(Destination::After(had)),
        _ => Err(ResumeError::WrongRange {
            asked: had,
            content_range,
        }),
    }
}

/// FIRST of `bytes FIRST-LAST/SIZE`, when the header has that form (SIZE may be `*`).
fn first_of(content_range: &str) -> Option<u64> {
    let (range, size) = content_range
        .trim()
        .strip_prefix("bytes ")?
        .split_once('/')?;
    let digits = |text: &str| !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
    if size != "*" && !digits(size) {
        return None;
    }
    let (first, last) = range.split_once('-')?;
    if !digits(first) || !digits(last) {
        return None;
    }
    first.parse().ok()
}
