//! Correct: written the Python way, `with open(part, "ab") as f: f.write(chunk)` for every piece:
//! the part is prepared once the answer is judged (emptied with `tokio::fs::write(part, b"")` for a
//! 200, created if need be for a 206), then each piece opens the part for appending, writes,
//! flushes and closes it, so no write is ever in flight between two pieces or after the function
//! returns, on whichever path it leaves.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::OpenOptions;
use tokio::io::AsyncWriteExt;

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let existing = match tokio::fs::metadata(part).await {
        Ok(metadata) => metadata.len(),
        Err(err) if err.kind() == ErrorKind::NotFound => 0,
        Err(err) => return Err(ResumeError::File(err)),
    };

    let mut request = client.get(url);
    if existing > 0 {
        request = request.header(RANGE, format!("bytes={existing}-"));
    }
    let mut response = request.send().await?;

    let mut downloaded = if response.status() == StatusCode::PARTIAL_CONTENT {
        let content_range = response
            .headers()
            .get(CONTENT_RANGE)
            .map(|value| value.to_str().unwrap_or(""))
            .unwrap_or("")
            .to_owned();
        if range_start(&content_range) != Some(existing) {
            return Err(ResumeError::WrongRange {
                asked: existing,
                content_range,
            });
        }
        // open(part, "ab"): creates the part if there was none (a 206 from byte 0).
        OpenOptions::new()
            .create(true)
            .append(true)
            .open(part)
            .await?
            .flush()
            .await?;
        existing
    } else if response.status() == StatusCode::OK {
        // open(part, "wb"): the whole file comes again.
        tokio::fs::write(part, b"").await?;
        0
    } else {
        return Err(ResumeError::Status(response.status()));
    };

    loop {
        let piece = match response.chunk().await {
            Ok(Some(piece)) => piece,
            Ok(None) => return Ok(downloaded),
            Err(err) => return Err(ResumeError::Http(err)),
        };
        let mut file = OpenOptions::new().append(true).open(part).await?;
        file.write_all(&piece).await?;
        file.flush().await?;
        downloaded += piece.len() as u64;
    }
}

/// `bytes FIRST-LAST/SIZE` (SIZE may be `*`) gives `FIRST`; anything else gives `None`.
fn range_start(text: &str) -> Option<u64> {
    let range = text.strip_prefix("bytes ")?;
    let (span, size) = range.split_once('/')?;
    let (first, last) = span.split_once('-')?;
    let (first, last): (u64, u64) = (first.parse().ok()?, last.parse().ok()?);
    let size_ok = size == "*" || size.parse::<u64>().is_ok_and(|size| last < size);
    (first <= last && size_ok).then_some(first)
}
