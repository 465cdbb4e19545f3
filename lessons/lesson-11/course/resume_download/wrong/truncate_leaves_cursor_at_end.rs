//! Wrong: breaks "`200 OK`: the server sends the whole file from its first byte (it ignored the range, or the file changed): `part` is emptied, then the body written from the start"
//! The Go way of continuing a file: `os.OpenFile(part, os.O_WRONLY|os.O_CREATE, 0o644)`, then
//! `f.Seek(0, io.SeekEnd)`, and on a 200 `f.Truncate(0)` to start over (a Java learner expects the
//! same from `RandomAccessFile.setLength(0)`, which does pull the pointer back). Rust's `set_len`,
//! like Go's `Truncate`, leaves the cursor where it was: after a 200 to a part of N bytes, the body
//! is written from byte N, behind N zero bytes, and the part (and the size returned) is N too long.

use std::io::{ErrorKind, SeekFrom};
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::OpenOptions;
use tokio::io::{AsyncSeekExt, AsyncWriteExt};

/// `bytes FIRST-LAST/SIZE` (SIZE a number or `*`) as FIRST; `None` for anything else.
fn first_byte(text: &str) -> Option<u64> {
    let (span, size) = text.strip_prefix("bytes ")?.split_once('/')?;
    let (first, last) = span.split_once('-')?;
    let first: u64 = first.parse().ok()?;
    let last: u64 = last.parse().ok()?;
    let size_ok = size == "*" || size.parse::<u64>().is_ok_and(|size| last < size);
    (first <= last && size_ok).then_some(first)
}

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    // fi, err := os.Stat(part); if os.IsNotExist(err) { n = 0 }
    let n = match tokio::fs::metadata(part).await {
        Ok(metadata) => metadata.len(),
        Err(err) if err.kind() == ErrorKind::NotFound => 0,
        Err(err) => return Err(ResumeError::File(err)),
    };
    let mut request = client.get(url);
    if n > 0 {
        request = request.header(RANGE, format!("bytes={n}-"));
    }
    let mut response = request.send().await?;

    let status = response.status();
    match status {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .and_then(|value| value.to_str().ok())
                .unwrap_or("")
                .to_owned();
            if first_byte(&content_range) != Some(n) {
                return Err(ResumeError::WrongRange {
                    asked: n,
                    content_range,
                });
            }
        }
        StatusCode::OK => {}
        status => return Err(ResumeError::Status(status)),
    }

    // f, err := os.OpenFile(part, os.O_WRONLY|os.O_CREATE, 0o644); f.Seek(0, io.SeekEnd)
    let mut file = OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(false)
        .open(part)
        .await?;
    file.seek(SeekFrom::End(0)).await?;
    if status == StatusCode::OK {
        // f.Truncate(0): the file is empty again... but the cursor is still at byte n.
        file.set_len(0).await?;
    }

    let outcome = loop {
        match response.chunk().await {
            Ok(Some(piece)) => {
                if let Err(err) = file.write_all(&piece).await {
                    break Err(ResumeError::File(err));
                }
            }
            Ok(None) => break Ok(()),
            Err(err) => break Err(ResumeError::Http(err)),
        }
    };
    file.flush().await?;
    outcome?;
    // fi, _ := f.Stat(); return fi.Size()
    Ok(file.metadata().await?.len())
}
