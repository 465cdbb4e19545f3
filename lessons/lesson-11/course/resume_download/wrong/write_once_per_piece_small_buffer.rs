//! Wrong: breaks "the body is written to `part` piece by piece as it arrives (`response.chunk()`)" with "its body is appended to `part`" (a 206) and "`part` is emptied, then the body written from the start" (a 200): of every piece over 16 KiB, only its first 16 KiB reach the part
//! What the learner did: to keep memory flat, as the chapter insists, the tokio `File`'s own
//! buffer is capped at 16 KiB (`File::set_max_buf_size`, documented for exactly that: tokio
//! copies each write into a buffer of up to 2 MiB by default before handing it to a blocking
//! thread); each piece is then written with one `file.write(&piece)`, and the size counts the
//! bytes `write` says it took, so that `Ok(size)` is always the part's true size. Everything
//! else is careful: the status and `Content-Range` checked before the part is touched, one
//! handle, a flush on every way out, `Err(Http)` at a break with what came kept.
//! Why a learner thinks it right: Python's `f.write(chunk)` on a file writes the whole chunk,
//! and so does tokio's `write` as long as the piece fits its buffer (with the default 2 MiB,
//! always: hyper's pieces are far smaller), so small bodies, 206s of a few bytes, and the
//! mock's 7,000-byte file all come out right. With the cap, `write` takes at most 16 KiB of a
//! mock's 64 KiB piece and returns that count; the rest of the piece is never written.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// tokio's buffer for one write, kept small: memory stays flat however many downloads run.
const WRITE_BUFFER: usize = 16 * 1024;

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
            let starts_right = matches!(
                lesson_11::parse_content_range(&content_range),
                Some((first, _)) if had > 0 && first == had
            );
            if !starts_right {
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range,
                });
            }
            (OpenOptions::new().append(true).open(part).await?, had)
        }
        StatusCode::OK => (File::create(part).await?, 0),
        status => return Err(ResumeError::Status(status)),
    };
    file.set_max_buf_size(WRITE_BUFFER);
    let outcome = loop {
        match response.chunk().await {
            Ok(Some(piece)) => match file.write(&piece).await {
                // What was written, counted exactly.
                Ok(written) => size += written as u64,
                Err(err) => break Err(ResumeError::File(err)),
            },
            Ok(None) => break Ok(size),
            Err(err) => break Err(ResumeError::Http(err)),
        }
    };
    let flushed = file.flush().await;
    let size = outcome?;
    flushed?;
    Ok(size)
}
