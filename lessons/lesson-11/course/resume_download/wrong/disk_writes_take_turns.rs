//! Wrong: breaks "the body is written to `part` piece by piece as it arrives (`response.chunk()`), never held whole in memory: while a large body is on its way, `part` grows"
//! The learner read that a disk is fastest when one writer streams to it at a time, so downloads
//! running side by side take turns at the disk: a process-wide `tokio::sync::Mutex` is taken once
//! the answer is judged and held until the body is all in. Alone, nothing changes; but beside
//! another download, this one's body is on its way (its first bytes have arrived) while its part
//! stays as it was (empty, or still the old, longer part under a 200) until the other call ends.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;
use tokio::sync::Mutex;

/// The disk, for one download at a time: interleaved writes of several files make the head (or
/// the SSD's controller) jump between them.
static DISK: Mutex<()> = Mutex::const_new(());

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
    let appending = match response.status() {
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
            true
        }
        StatusCode::OK => false,
        status => return Err(ResumeError::Status(status)),
    };

    // Our turn at the disk: held until this body is all in and flushed.
    let _turn = DISK.lock().await;
    let (mut file, mut size) = if appending {
        let file = OpenOptions::new()
            .create(true)
            .append(true)
            .open(part)
            .await?;
        (file, had)
    } else {
        (File::create(part).await?, 0)
    };
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
    file.flush().await?;
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
