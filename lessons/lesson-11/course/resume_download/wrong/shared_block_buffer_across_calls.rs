//! Wrong: breaks "`206 Partial Content` whose `Content-Range` starts at byte N (...): its body is appended to `part`" (and "`Ok(size)`: the size of `part`")
//! The C programmer's `static char buf[BLOCK]`: hyper hands over small pieces, so the learner
//! gathers them into 64 KiB blocks before writing (fewer, larger writes), and keeps one block
//! buffer for the whole process so that a program resuming thousands of files does not allocate
//! one per call. The buffer sits behind a `tokio::sync::Mutex`, "so it is safe to share". But the
//! lock is taken per piece: while one call waits for its next piece, the bytes it gathered stay
//! in the shared buffer, and a call running beside it writes them into *its* part (and leaves its
//! own for the other). Alone, every call is right.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;
use tokio::sync::Mutex;

/// How much is gathered before one write.
const BLOCK: usize = 64 * 1024;

/// The block being gathered: one for the process, its allocation reused by every call.
static BLOCK_BUFFER: Mutex<Vec<u8>> = Mutex::const_new(Vec::new());

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
                .and_then(|value| value.to_str().ok())
                .unwrap_or_default()
                .to_owned();
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
                size += piece.len() as u64;
                let mut block = BLOCK_BUFFER.lock().await;
                block.extend_from_slice(&piece);
                if block.len() >= BLOCK {
                    let written = file.write_all(&block).await;
                    block.clear();
                    if let Err(err) = written {
                        break Err(ResumeError::File(err));
                    }
                }
            }
            Ok(None) => break Ok(size),
            Err(err) => break Err(ResumeError::Http(err)),
        }
    };

    // Whatever is still gathered goes out on every way out, a break included.
    let rest = {
        let mut block = BLOCK_BUFFER.lock().await;
        let written = file.write_all(&block).await;
        block.clear();
        written
    };
    let flushed = file.flush().await;
    let size = outcome?;
    rest?;
    flushed?;
    Ok(size)
}

/// FIRST of `bytes FIRST-LAST/SIZE` (SIZE a number or `*`), or `None` for any other form.
fn first_byte(text: &str) -> Option<u64> {
    let (unit, rest) = text.trim().split_once(' ')?;
    if !unit.eq_ignore_ascii_case("bytes") {
        return None;
    }
    let (range, total) = rest.split_once('/')?;
    let (first, last) = range.split_once('-')?;
    let (first, last) = (number(first)?, number(last)?);
    let total = match total {
        "*" => None,
        total => Some(number(total)?),
    };
    (first <= last && total.is_none_or(|total| last < total)).then_some(first)
}

/// A run of ASCII digits as a number.
fn number(text: &str) -> Option<u64> {
    if text.is_empty() || !text.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}
