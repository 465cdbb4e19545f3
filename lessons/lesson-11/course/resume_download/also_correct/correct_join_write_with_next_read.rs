//! Correct: the disk and the network overlap inside one task: each piece is written with
//! `tokio::join!(file.write_all(&piece), response.chunk())`, so the next piece is read while the
//! current one is written (at most two pieces in memory). `join!` waits for both, so a break is
//! only acted on once the piece before it is written; the flush runs on every way out. The `206`
//! check reads only FIRST (with `split_once` on ' ', '-' and '/'), and a `206` to a request that
//! asked no range is appended when it starts at byte 0 (the part is created then).

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// The FIRST of `bytes FIRST-LAST/SIZE`, when the header has that form.
fn first_byte(content_range: &str) -> Option<u64> {
    let (unit, rest) = content_range.split_once(' ')?;
    let (span, size) = rest.split_once('/')?;
    let (first, last) = span.split_once('-')?;
    let digits = |text: &str| !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
    if unit != "bytes" || !digits(first) || !digits(last) || !(size == "*" || digits(size)) {
        return None;
    }
    first.parse().ok()
}

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let had = match tokio::fs::metadata(part).await {
        Ok(metadata) => metadata.len(),
        Err(err) if err.kind() == ErrorKind::NotFound => 0,
        Err(err) => return Err(ResumeError::File(err)),
    };
    let request = if had > 0 {
        client.get(url).header(RANGE, format!("bytes={had}-"))
    } else {
        client.get(url)
    };
    let mut response = request.send().await?;

    let status = response.status();
    let mut file = if status == StatusCode::PARTIAL_CONTENT {
        let header = response.headers().get(CONTENT_RANGE);
        if header
            .and_then(|value| value.to_str().ok())
            .and_then(first_byte)
            != Some(had)
        {
            let content_range = header
                .and_then(|value| value.to_str().ok())
                .unwrap_or("")
                .to_owned();
            return Err(ResumeError::WrongRange {
                asked: had,
                content_range,
            });
        }
        OpenOptions::new()
            .create(true)
            .append(true)
            .open(part)
            .await?
    } else if status == StatusCode::OK {
        File::create(part).await?
    } else {
        return Err(ResumeError::Status(status));
    };
    let mut size = if status == StatusCode::PARTIAL_CONTENT {
        had
    } else {
        0
    };

    // Read piece k + 1 while piece k is being written.
    let mut next = response.chunk().await;
    let outcome = loop {
        let piece = match next {
            Ok(Some(piece)) => piece,
            Ok(None) => break Ok(size),
            Err(err) => break Err(ResumeError::Http(err)),
        };
        let (written, following) = tokio::join!(file.write_all(&piece), response.chunk());
        if let Err(err) = written {
            break Err(ResumeError::File(err));
        }
        size += piece.len() as u64;
        next = following;
    };
    file.flush().await?;
    outcome
}
