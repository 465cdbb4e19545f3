//! Wrong: breaks "no panic"
//! The learner wanted `std::io::Write` on a plain `std::fs::File` (no tokio `File` with its background writes and its easy-to-forget `flush`), and followed tokio's advice for blocking calls inside async code: wrap them in `tokio::task::block_in_place`, which, unlike `spawn_blocking`, borrows the file instead of moving it in and out. Everything else is the reference shape.
//! `block_in_place` panics on a `current_thread` runtime ("can call blocking only when running on the multi-threaded runtime"): checks run on a multi-thread runtime never see it; any check under a plain `#[tokio::test]` (or a learner's own `current_thread` program) panics at the first open.

use std::io::{ErrorKind, Write};
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::task::block_in_place;

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
            let file = block_in_place(|| {
                std::fs::OpenOptions::new()
                    .create(true)
                    .append(true)
                    .open(part)
            })?;
            (file, had)
        }
        StatusCode::OK => (block_in_place(|| std::fs::File::create(part))?, 0),
        status => return Err(ResumeError::Status(status)),
    };

    // A std `File` has no buffer of its own: once `write_all` returns, the bytes are the OS's.
    let outcome = loop {
        match response.chunk().await {
            Ok(Some(piece)) => {
                if let Err(err) = block_in_place(|| file.write_all(&piece)) {
                    break Err(ResumeError::File(err));
                }
                size += piece.len() as u64;
            }
            Ok(None) => break Ok(size),
            Err(err) => break Err(ResumeError::Http(err)),
        }
    };
    let flushed = block_in_place(|| file.flush());
    let size = outcome?;
    flushed?;
    Ok(size)
}

/// FIRST of `bytes FIRST-LAST/SIZE` (SIZE a number or `*`), `None` for any other text.
fn first_byte(text: &str) -> Option<u64> {
    let (span, size) = text.strip_prefix("bytes ")?.split_once('/')?;
    let (first, last) = span.split_once('-')?;
    let (first, last) = (number(first)?, number(last)?);
    if last < first {
        return None;
    }
    if size != "*" && last >= number(size)? {
        return None;
    }
    Some(first)
}

fn number(text: &str) -> Option<u64> {
    if text.is_empty() || !text.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}
