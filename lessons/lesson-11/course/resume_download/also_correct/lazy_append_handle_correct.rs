//! Correct: a right `206` opens its append handle only when its first piece arrives (an `Option<File>` filled on demand), while a `200` empties the part at once; the handle, if any, is flushed on every way out of the loop, and a `206` whose body is all in without a piece still leaves the part there.
//!
//! Differences from the reference, all within the contract: the status and `Content-Range` are
//! judged by a small `Destination` enum first; a `206` (from byte N, or from byte 0 to a request
//! that asked no range) that breaks off before its first byte never opens the part, so with no
//! part before the call none is made (zero bytes arrived, and zero are in the part); and the
//! size returned is counted from the pieces written through the handle.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, Response, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// Where an answer's body goes.
enum Destination {
    /// After the `had` bytes already in the part.
    After(u64),
    /// Over an emptied part.
    Over,
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

    let (mut file, mut size) = match destination(&response, had)? {
        Destination::Over => (Some(File::create(part).await?), 0),
        Destination::After(had) => (None, had),
    };
    let outcome = loop {
        match response.chunk().await {
            Ok(Some(piece)) => {
                if file.is_none() {
                    file = Some(open_for_append(part).await?);
                }
                if let Some(open) = file.as_mut() {
                    open.write_all(&piece).await?;
                }
                size += piece.len() as u64;
            }
            Ok(None) => {
                // A body with no piece at all: the part is still there afterwards.
                if file.is_none() {
                    file = Some(open_for_append(part).await?);
                }
                break Ok(size);
            }
            Err(err) => break Err(ResumeError::Http(err)),
        }
    };
    if let Some(open) = file.as_mut() {
        open.flush().await?;
    }
    outcome
}

/// Judges the answer's head: where its body goes, or why it goes nowhere.
fn destination(response: &Response, had: u64) -> Result<Destination, ResumeError> {
    match response.status() {
        StatusCode::OK => Ok(Destination::Over),
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .and_then(|value| value.to_str().ok())
                .unwrap_or_default();
            let first = content_range
                .strip_prefix("bytes ")
                .and_then(|range| range.split_once('-'))
                .and_then(|(first, _)| first.parse::<u64>().ok());
            if first == Some(had) {
                Ok(Destination::After(had))
            } else {
                Err(ResumeError::WrongRange {
                    asked: had,
                    content_range: content_range.to_owned(),
                })
            }
        }
        status => Err(ResumeError::Status(status)),
    }
}

/// The part, opened to write after what it holds (made if it is not there).
async fn open_for_append(part: &Path) -> std::io::Result<File> {
    OpenOptions::new()
        .create(true)
        .append(true)
        .open(part)
        .await
}
