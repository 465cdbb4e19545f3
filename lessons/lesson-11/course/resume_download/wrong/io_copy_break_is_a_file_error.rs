//! Wrong: breaks "a body that breaks off is `Err(ResumeError::Http(err))`, with every byte that arrived before the break written to `part`"
//! The learner wanted Go's `io.Copy(f, resp.Body)` (Java's `in.transferTo(out)`): one helper that
//! moves the body into the file and answers `io::Result<u64>`, because in Go and Java a connection
//! that drops mid-body is just another I/O error on the reader. So the reqwest error is wrapped in
//! `io::Error::other`, and `?` turns it into `ResumeError::File`: the bytes that came are in the
//! part and flushed, as they must be, but the caller is told the disk failed, not the transfer.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, Response, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// `bytes FIRST-LAST/SIZE` (SIZE a number or `*`) as FIRST; `None` for anything else.
fn first_byte(text: &str) -> Option<u64> {
    let (span, size) = text.strip_prefix("bytes ")?.split_once('/')?;
    let (first, last) = span.split_once('-')?;
    let first: u64 = first.parse().ok()?;
    let last: u64 = last.parse().ok()?;
    let size_ok = size == "*" || size.parse::<u64>().is_ok_and(|size| last < size);
    (first <= last && size_ok).then_some(first)
}

/// Go's `io.Copy(dst, src)`: every byte of `src` into `dst`, the count written, or the first
/// error, reading or writing.
async fn copy(dst: &mut File, src: &mut Response) -> std::io::Result<u64> {
    let mut written = 0;
    loop {
        let piece = match src.chunk().await {
            Ok(Some(piece)) => piece,
            Ok(None) => return Ok(written),
            // A read error is an I/O error, as `resp.Body.Read` returns one.
            Err(err) => return Err(std::io::Error::other(err)),
        };
        dst.write_all(&piece).await?;
        written += piece.len() as u64;
    }
}

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let offset = match tokio::fs::metadata(part).await {
        Ok(metadata) => metadata.len(),
        Err(err) if err.kind() == ErrorKind::NotFound => 0,
        Err(err) => return Err(ResumeError::File(err)),
    };
    let mut request = client.get(url);
    if offset > 0 {
        request = request.header(RANGE, format!("bytes={offset}-"));
    }
    let mut response = request.send().await?;

    let (mut file, start) = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .and_then(|value| value.to_str().ok())
                .unwrap_or("")
                .to_owned();
            if first_byte(&content_range) != Some(offset) {
                return Err(ResumeError::WrongRange {
                    asked: offset,
                    content_range,
                });
            }
            let file = OpenOptions::new()
                .create(true)
                .append(true)
                .open(part)
                .await?;
            (file, offset)
        }
        StatusCode::OK => (File::create(part).await?, 0),
        status => return Err(ResumeError::Status(status)),
    };

    let copied = copy(&mut file, &mut response).await;
    // defer f.Close(): whatever happened, what was written is flushed.
    file.flush().await?;
    let copied = copied?;
    Ok(start + copied)
}
