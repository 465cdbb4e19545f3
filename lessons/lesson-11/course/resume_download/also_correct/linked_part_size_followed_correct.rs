//! Correct: the fixed form of `lstat_size_of_a_linked_part`: the part is looked at with
//! `symlink_metadata` first (the hardened habit is kept, and a link is noticed), but when it is
//! a link its size is read through it with `metadata`, so N is the size of the file the bytes
//! are in (a dangling link is a part of 0 bytes, as a missing file is). Both answers then open
//! the part with `tokio::fs::File::options()` (the 200 with `write + create + truncate`), and
//! the loop records a break in an `Option` and decides after the one flush.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::File;
use tokio::io::AsyncWriteExt;

/// The size of the file at `part` now, through a link if it is one; 0 when there is none.
async fn size_now(part: &Path) -> std::io::Result<u64> {
    let seen = match tokio::fs::symlink_metadata(part).await {
        Ok(metadata) => metadata,
        Err(err) if err.kind() == ErrorKind::NotFound => return Ok(0),
        Err(err) => return Err(err),
    };
    if !seen.file_type().is_symlink() {
        return Ok(seen.len());
    }
    // A link: the bytes are in the file it names.
    match tokio::fs::metadata(part).await {
        Ok(metadata) => Ok(metadata.len()),
        Err(err) if err.kind() == ErrorKind::NotFound => Ok(0),
        Err(err) => Err(err),
    }
}

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let had = size_now(part).await?;
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
                .unwrap_or_default();
            if first_byte(content_range) != Some(had) {
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range: content_range.to_owned(),
                });
            }
            let file = File::options().append(true).create(true).open(part).await?;
            (file, had)
        }
        StatusCode::OK => {
            let file = File::options()
                .write(true)
                .create(true)
                .truncate(true)
                .open(part)
                .await?;
            (file, 0)
        }
        status => return Err(ResumeError::Status(status)),
    };

    let mut broke = None;
    loop {
        match response.chunk().await {
            Ok(Some(piece)) => {
                file.write_all(&piece).await?;
                size += piece.len() as u64;
            }
            Ok(None) => break,
            Err(err) => {
                broke = Some(err);
                break;
            }
        }
    }
    // Every way out of the loop comes here: the last piece is on disk before we answer.
    file.flush().await?;
    match broke {
        Some(err) => Err(ResumeError::Http(err)),
        None => Ok(size),
    }
}

/// The first byte of `bytes FIRST-LAST/SIZE`.
fn first_byte(content_range: &str) -> Option<u64> {
    let range = content_range.strip_prefix("bytes ")?;
    let (first, _) = range.split_once('-')?;
    first.parse().ok()
}
