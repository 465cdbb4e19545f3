//! Correct: the fixed form of `zero_blocks_left_as_holes`: a piece of at least 4 KiB that is all zeros is not written but added as a hole, by making the part that much longer with `set_len` at once (the file system reads the hole back as zeros); every other piece is appended with `write_all`. One `create` + `append` open serves both answers, a 200 emptying the part with `set_len(0)`.
//! The part holds every byte that arrived, in order, after every piece: it grows as the body
//! comes, a break keeps all that came (holes included), and `Ok(size)` is the part's size. In
//! append mode each write goes to the end of the file, wherever `set_len` put it, so no seek is
//! needed; tokio's `set_len` waits for the write in flight before it changes the length. A check
//! that reads the part sees the same bytes as the reference's; only the disk blocks differ.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::OpenOptions;
use tokio::io::AsyncWriteExt;

/// A piece of zeros at least this long becomes a hole instead of a write (a file system block).
const HOLE_MIN: usize = 4096;

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

    // Where the body starts: after the part (a 206 from byte N), or over it (a 200).
    let start = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .and_then(|value| value.to_str().ok())
                .unwrap_or_default();
            if first_byte(content_range) != Some(had) {
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range: content_range.to_owned(),
                });
            }
            had
        }
        StatusCode::OK => 0,
        status => return Err(ResumeError::Status(status)),
    };
    let mut file = OpenOptions::new()
        .create(true)
        .append(true)
        .open(part)
        .await?;
    if start == 0 {
        file.set_len(0).await?;
    }

    let mut size = start;
    let outcome = loop {
        match response.chunk().await {
            Ok(Some(piece)) => {
                size += piece.len() as u64;
                if piece.len() >= HOLE_MIN && piece.iter().all(|&byte| byte == 0) {
                    // A block of zeros: the part is made that much longer, and reads as zeros.
                    file.set_len(size).await?;
                } else {
                    file.write_all(&piece).await?;
                }
            }
            Ok(None) => break Ok(size),
            Err(err) => break Err(ResumeError::Http(err)),
        }
    };
    file.flush().await?;
    outcome
}

/// The first byte of `bytes FIRST-LAST/SIZE`.
fn first_byte(content_range: &str) -> Option<u64> {
    let range = content_range.strip_prefix("bytes ")?;
    let (first, _) = range.split_once('-')?;
    first.parse().ok()
}
