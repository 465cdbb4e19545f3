//! Correct: calls side by side share a process-wide lock, held only for one piece at a time: a
//! `static` `tokio::sync::Semaphore` with one permit (it belongs to no runtime, so it serves any
//! runtime the caller uses, one after another or side by side) is taken for each write and for
//! the final flush, and given back before the next `chunk()`. Two downloads at once take turns
//! piece by piece, so both parts grow while their bodies arrive; nothing is held across a wait on
//! the network.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;
use tokio::sync::Semaphore;

/// One write to the disk at a time, across every download of the process.
static DISK: Semaphore = Semaphore::const_new(1);

/// Writes `piece` to `file` in this call's turn at the disk.
async fn write_in_turn(file: &mut File, piece: &[u8]) -> std::io::Result<()> {
    let _turn = DISK.acquire().await.map_err(std::io::Error::other)?;
    file.write_all(piece).await
}

/// Flushes `file` in this call's turn at the disk.
async fn flush_in_turn(file: &mut File) -> std::io::Result<()> {
    let _turn = DISK.acquire().await.map_err(std::io::Error::other)?;
    file.flush().await
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
    let (mut file, mut size) = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .map(|value| String::from_utf8_lossy(value.as_bytes()).into_owned())
                .unwrap_or_default();
            if first_byte(&content_range) != Some(had) {
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
    let outcome = loop {
        match response.chunk().await {
            Ok(Some(piece)) => {
                if let Err(err) = write_in_turn(&mut file, &piece).await {
                    break Err(ResumeError::File(err));
                }
                size += piece.len() as u64;
            }
            Ok(None) => break Ok(size),
            Err(err) => break Err(ResumeError::Http(err)),
        }
    };
    flush_in_turn(&mut file).await?;
    outcome
}

/// The FIRST of `bytes FIRST-LAST/SIZE` (SIZE a number or `*`), or `None` for any other form.
fn first_byte(content_range: &str) -> Option<u64> {
    let (range, size) = content_range.strip_prefix("bytes ")?.split_once('/')?;
    let (first, last) = range.split_once('-')?;
    let (first, last) = (number(first)?, number(last)?);
    if size != "*" {
        number(size)?;
    }
    (first <= last).then_some(first)
}

/// Plain ASCII digits as a `u64` (no sign, no spaces).
fn number(text: &str) -> Option<u64> {
    if text.is_empty() || !text.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}
