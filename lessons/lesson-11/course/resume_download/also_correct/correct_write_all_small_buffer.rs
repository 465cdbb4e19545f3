//! Correct: the fixed form of `write_once_per_piece_small_buffer`: tokio's `File` is opened with `File::options()` (flags from the status: `append` for a right 206; `write`, `create`, `truncate` for a 200), its own write buffer is capped at 16 KiB (`set_max_buf_size`), and each piece goes out with `write_all`, which loops until `write` has taken all of it (16 KiB at a time); the unasked 206 (N = 0) is refused, one of the two permitted choices.
//! The size is counted from the pieces, the handle flushed on every way out, the break's error
//! returned after the flush.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::File;
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

    let mut options = File::options();
    let mut size = match response.status() {
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
            options.append(true);
            had
        }
        StatusCode::OK => {
            options.write(true).create(true).truncate(true);
            0
        }
        status => return Err(ResumeError::Status(status)),
    };
    // Opened once, for the whole body.
    let mut file = options.open(part).await?;
    file.set_max_buf_size(WRITE_BUFFER);

    let outcome = loop {
        match response.chunk().await {
            Ok(Some(piece)) => {
                // `write_all`, not `write`: with a 16 KiB buffer, one `write` takes at most
                // 16 KiB of the piece.
                if let Err(err) = file.write_all(&piece).await {
                    break Err(ResumeError::File(err));
                }
                size += piece.len() as u64;
            }
            Ok(None) => break Ok(size),
            Err(err) => break Err(ResumeError::Http(err)),
        }
    };
    let flushed = file.flush().await;
    let size = outcome?;
    flushed?;
    Ok(size)
}
