//! Correct, written another way: one `OpenOptions` (create + append) for both answers, `set_len(0)` to empty it on a 200, a `tokio::io::BufWriter` in front of the file, and `?` on `chunk()` inside a block whose error still reaches the final flush.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::OpenOptions;
use tokio::io::AsyncWriteExt;

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    // What the earlier attempt left: nothing is a start from byte 0.
    let had = match tokio::fs::metadata(part).await {
        Ok(metadata) => metadata.len(),
        Err(err) if err.kind() == ErrorKind::NotFound => 0,
        Err(err) => return Err(err.into()),
    };
    let mut request = client.get(url);
    if had > 0 {
        request = request.header(RANGE, format!("bytes={had}-"));
    }
    let mut response = request.send().await?;

    // Check the answer before touching the file: only two of them say where the body belongs.
    let status = response.status();
    match status {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .and_then(|value| value.to_str().ok())
                .unwrap_or_default();
            if first_byte(content_range) != Some(had) {
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range: content_range.to_owned(),
                });
            }
        }
        StatusCode::OK => {}
        status => return Err(ResumeError::Status(status)),
    }
    let file = OpenOptions::new()
        .create(true)
        .append(true)
        .open(part)
        .await?;
    if status == StatusCode::OK {
        file.set_len(0).await?;
    }
    let mut file = tokio::io::BufWriter::new(file);

    // Each piece goes to disk as it arrives; a break keeps what came before it.
    let mut size = if status == StatusCode::OK { 0 } else { had };
    let outcome: Result<u64, ResumeError> = async {
        while let Some(piece) = response.chunk().await? {
            file.write_all(&piece).await?;
            size += piece.len() as u64;
        }
        Ok(size)
    }
    .await;
    // tokio's `File` may still be writing the last piece: wait for it before returning.
    file.flush().await?;
    outcome
}

/// The first byte of `bytes FIRST-LAST/SIZE`.
fn first_byte(content_range: &str) -> Option<u64> {
    let range = content_range.strip_prefix("bytes ")?;
    let (first, _) = range.split_once('-')?;
    first.parse().ok()
}
