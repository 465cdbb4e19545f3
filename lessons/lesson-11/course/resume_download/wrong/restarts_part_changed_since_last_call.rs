//! Wrong: breaks "N bytes, where N is the file's size now" (and "`Range: bytes=N-` when N is over 0")
//! The learner does not resume a part that someone else has touched, the way `make` and rsync's quick check
//! judge a file by its size and modification time: the process remembers, for each part it wrote, the size
//! and mtime it left it with, and when a part comes back with others ("another program wrote to it, or it was
//! replaced: its bytes cannot be trusted") it is started again from nothing, with no `Range` and the whole body
//! written over it. Alone, or on a part only this function wrote, every call is right; a part that the caller
//! deleted and put back shorter (or appended to) since an earlier call is downloaded whole instead of resumed.

use std::collections::HashMap;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::sync::{LazyLock, Mutex, PoisonError};
use std::time::SystemTime;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, Response, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// Each part's size and modification time as the last call left it.
type LeftAs = HashMap<PathBuf, (u64, Option<SystemTime>)>;

/// How each part was left by this process: its size and modification time.
static LEFT_AS: LazyLock<Mutex<LeftAs>> = LazyLock::new(|| Mutex::new(HashMap::new()));

/// The part's size and mtime now; `(0, None)` when it does not exist.
async fn stamp(part: &Path) -> Result<(u64, Option<SystemTime>), ResumeError> {
    match tokio::fs::metadata(part).await {
        Ok(metadata) => Ok((metadata.len(), metadata.modified().ok())),
        Err(err) if err.kind() == ErrorKind::NotFound => Ok((0, None)),
        Err(err) => Err(ResumeError::File(err)),
    }
}

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let now = stamp(part).await?;
    let left = LEFT_AS
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .get(part)
        .copied();
    let had = match left {
        // Not as this process left it: start again rather than trust its bytes.
        Some(left) if left != now && now.0 > 0 => {
            eprintln!(
                "{} changed since it was last written; downloading it again from the start",
                part.display()
            );
            0
        }
        _ => now.0,
    };

    let mut request = client.get(url);
    if had > 0 {
        request = request.header(RANGE, format!("bytes={had}-"));
    }
    let mut response = request.send().await?;

    let (mut file, start) = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = content_range_text(&response);
            if first_byte(&content_range) != Some(had) {
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range,
                });
            }
            let file = if had == 0 {
                // From the first byte: over whatever an untrusted part held.
                File::create(part).await?
            } else {
                OpenOptions::new()
                    .create(true)
                    .append(true)
                    .open(part)
                    .await?
            };
            (file, had)
        }
        StatusCode::OK => (File::create(part).await?, 0),
        status => return Err(ResumeError::Status(status)),
    };
    let outcome = write_body(&mut response, &mut file, start).await;

    // Remember how the part was left, for the next call.
    if let Ok(after) = stamp(part).await {
        LEFT_AS
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(part.to_owned(), after);
    }
    outcome
}

/// The `Content-Range` as text for the error, or `""` when there is none.
fn content_range_text(response: &Response) -> String {
    response
        .headers()
        .get(CONTENT_RANGE)
        .map(|value| String::from_utf8_lossy(value.as_bytes()).into_owned())
        .unwrap_or_default()
}

/// FIRST of `bytes FIRST-LAST/SIZE` (SIZE a number or `*`), or `None` for any other form.
fn first_byte(text: &str) -> Option<u64> {
    let rest = text.strip_prefix("bytes ")?;
    let (span, size) = rest.split_once('/')?;
    let (first, last) = span.split_once('-')?;
    let (first, last) = (digits(first)?, digits(last)?);
    if last < first {
        return None;
    }
    if size != "*" && digits(size).is_none_or(|size| last >= size) {
        return None;
    }
    Some(first)
}

/// A run of ASCII digits as a number.
fn digits(text: &str) -> Option<u64> {
    if text.is_empty() || !text.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// Copies the body into `file` piece by piece, and flushes on every way out.
async fn write_body(
    response: &mut Response,
    file: &mut File,
    mut size: u64,
) -> Result<u64, ResumeError> {
    let outcome = loop {
        match response.chunk().await {
            Ok(Some(piece)) => {
                if let Err(err) = file.write_all(&piece).await {
                    break Err(ResumeError::File(err));
                }
                size += piece.len() as u64;
            }
            Ok(None) => break Ok(size),
            Err(err) => break Err(ResumeError::Http(err)),
        }
    };
    let flushed = file.flush().await;
    let size = outcome?;
    flushed?;
    Ok(size)
}
