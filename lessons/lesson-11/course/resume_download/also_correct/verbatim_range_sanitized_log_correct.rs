//! Correct: the fixed form of `content_range_controls_stripped`: the refusal carries the header's
//! text as it came (tab and all), and only a copy printed to stderr has its control characters
//! escaped; it takes the other permitted choice for a 206 to a request that asked no range (one
//! from byte 0 is appended, the part created), and the body is copied by a helper that flushes on
//! every way out and returns the size it leaves.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, HeaderValue, RANGE};
use reqwest::{Client, Response, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

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
    let response = request.send().await?;

    let status = response.status();
    if status == StatusCode::PARTIAL_CONTENT {
        let content_range = header_text(response.headers().get(CONTENT_RANGE));
        // With `had == 0` this takes a 206 from byte 0, which the contract allows appending.
        if first_byte(&content_range) != Some(had) {
            eprintln!(
                "refused: asked from byte {had}, got Content-Range: {}",
                content_range.escape_debug()
            );
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
        copy_body(response, file, had).await
    } else if status == StatusCode::OK {
        let file = File::create(part).await?;
        copy_body(response, file, 0).await
    } else {
        Err(ResumeError::Status(status))
    }
}

/// Writes the body of `response` to `file`, which holds `start` bytes, piece by piece; flushes
/// whatever happens; returns the size the file then has.
async fn copy_body(mut response: Response, mut file: File, start: u64) -> Result<u64, ResumeError> {
    let mut size = start;
    let outcome = loop {
        match response.chunk().await {
            Ok(Some(piece)) => match file.write_all(&piece).await {
                Ok(()) => size += piece.len() as u64,
                Err(err) => break Err(ResumeError::File(err)),
            },
            Ok(None) => break Ok(size),
            Err(err) => break Err(ResumeError::Http(err)),
        }
    };
    let flushed = file.flush().await;
    match (outcome, flushed) {
        (Ok(size), Ok(())) => Ok(size),
        (Err(err), _) => Err(err),
        (Ok(_), Err(err)) => Err(ResumeError::File(err)),
    }
}

/// The header's text, or `""` without one (decoded as best one can when it is not text).
fn header_text(value: Option<&HeaderValue>) -> String {
    match value {
        None => String::new(),
        Some(value) => match value.to_str() {
            Ok(text) => text.to_owned(),
            Err(_) => String::from_utf8_lossy(value.as_bytes()).into_owned(),
        },
    }
}

/// FIRST of `bytes FIRST-LAST/SIZE` (SIZE a number or `*`), when the header has that form.
fn first_byte(text: &str) -> Option<u64> {
    let (range, total) = text.strip_prefix("bytes ")?.split_once('/')?;
    let (first, last) = range.split_once('-')?;
    let first = digits(first)?;
    let last = digits(last)?;
    let fits = match total {
        "*" => true,
        total => last < digits(total)?,
    };
    (first <= last && fits).then_some(first)
}

/// A run of ASCII digits as a number; `None` for anything else (a sign, a space, nothing).
fn digits(text: &str) -> Option<u64> {
    if text.is_empty() || !text.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}
