//! Wrong: breaks "a body that breaks off is `Err(ResumeError::Http(err))`, with every byte that arrived before the break written to `part`, so that a later call resumes from there"
//! The learner keeps `chunk()` for large bodies, as the lesson says, but reads a small one whole
//! with `bytes()` when `content_length()` announces at most 256 KiB: "one write instead of
//! dozens, and 256 KiB is nothing in memory". Large downloads grow the part piece by piece as
//! they must. But `bytes()` gives all or nothing: a small body that breaks off (the server said
//! `Content-Length: 1000` and sent 27 bytes) returns `Err(Http)` with none of the bytes that did
//! arrive written, so the part is left empty (a 200) or as it was (a 206) instead of holding them.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// Bodies up to this size are read in one go: they fit in memory many times over.
const SMALL_BODY: u64 = 256 * 1024;

/// Whether `text` is `bytes FIRST-LAST/SIZE` (SIZE a number or `*`) with FIRST equal to `had`.
fn starts_at(text: &str, had: u64) -> bool {
    let Some(rest) = text.strip_prefix("bytes ") else {
        return false;
    };
    let Some((span, size)) = rest.split_once('/') else {
        return false;
    };
    let Some((first, last)) = span.split_once('-') else {
        return false;
    };
    let (Ok(first), Ok(last)) = (first.parse::<u64>(), last.parse::<u64>()) else {
        return false;
    };
    let size_ok = size == "*" || size.parse::<u64>().is_ok();
    first == had && first <= last && size_ok
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
                .map(|value| value.to_str().unwrap_or_default())
                .unwrap_or_default()
                .to_owned();
            if !starts_at(&content_range, had) {
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

    // A small rest: one read, one write.
    if response
        .content_length()
        .is_some_and(|length| length <= SMALL_BODY)
    {
        let body = response.bytes().await?;
        file.write_all(&body).await?;
        file.flush().await?;
        return Ok(size + body.len() as u64);
    }

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
