//! Correct: the file side is a small `PartWriter` type (tokio `File` plus the count of bytes the part holds) with `append_to`, `replace`, `put` and a consuming `finish` that flushes and gives the size; the answer is judged by a pure `destination(status, content_range, had)` that returns where the body goes or the error; every 206 to a request that asked no range is refused (one of the two permitted choices), and the body's break is carried past `finish` as a value
//! `finish(self)` is the only way to get the size, and it flushes first, so `Ok(size)` cannot be
//! reached with a write in flight; a break reaches `finish` too (the loop breaks with the error
//! instead of returning), so every byte before it is in the part. A `200` replaces the part
//! (`File::create`) before a byte is read; any other status, and a wrong range, touch nothing.
//! A check that expects a `206` from byte 0 to be appended when N is 0 would reject it by mistake.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, HeaderValue, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// Where a body goes.
enum Destination {
    /// After the N bytes the part holds: a `206` from byte N.
    After,
    /// Over the part, emptied: a `200`.
    Over,
}

/// The part, and how many bytes it holds.
struct PartWriter {
    file: File,
    size: u64,
}

impl PartWriter {
    async fn append_to(part: &Path, had: u64) -> std::io::Result<Self> {
        let file = OpenOptions::new()
            .create(true)
            .append(true)
            .open(part)
            .await?;
        Ok(Self { file, size: had })
    }

    async fn replace(part: &Path) -> std::io::Result<Self> {
        let file = File::create(part).await?;
        Ok(Self { file, size: 0 })
    }

    async fn put(&mut self, piece: &[u8]) -> std::io::Result<()> {
        self.file.write_all(piece).await?;
        self.size += piece.len() as u64;
        Ok(())
    }

    /// Waits for the last write, then gives the part's size.
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
        Err(err) => return Err(ResumeError::File(err)),
    };
    let mut request = client.get(url);
    if had > 0 {
        request = request.header(RANGE, format!("bytes={had}-"));
    }
    let mut response = request.send().await?;

    let destination = destination(
        response.status(),
        response.headers().get(CONTENT_RANGE),
        had,
    )?;
    let mut writer = match destination {
        Destination::After => PartWriter::append_to(part, had).await?,
        Destination::Over => PartWriter::replace(part).await?,
    };
    let broke = loop {
        match response.chunk().await {
            Ok(Some(piece)) => writer.put(&piece).await?,
            Ok(None) => break None,
            Err(err) => break Some(err),
        }
    };
    let size = writer.finish().await?;
    match broke {
        None => Ok(size),
        Some(err) => Err(ResumeError::Http(err)),
    }
}

/// Where the body of an answer goes, judged from its head alone.
fn destination(
    status: StatusCode,
    content_range: Option<&HeaderValue>,
    had: u64,
) -> Result<Destination, ResumeError> {
    match status {
        StatusCode::OK => Ok(Destination::Over),
        StatusCode::PARTIAL_CONTENT => {
            let text = content_range
                .and_then(|value| value.to_str().ok())
                .unwrap_or("");
            let first = text
                .strip_prefix("bytes ")
                .and_then(|range| range.split_once('-'))
                .and_then(|(first, _)| first.parse::<u64>().ok());
            if had > 0 && first == Some(had) {
                Ok(Destination::After)
            } else {
                Err(ResumeError::WrongRange {
                    asked: had,
                    content_range: text.to_owned(),
                })
            }
        }
        status => Err(ResumeError::Status(status)),
    }
}
