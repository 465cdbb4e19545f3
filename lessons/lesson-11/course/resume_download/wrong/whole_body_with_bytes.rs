//! Wrong: breaks "the body is written to `part` piece by piece as it arrives (`response.chunk()`), never held whole in memory"
//! Reads the body with `response.bytes().await` and writes it in one go: the learner's usual
//! way to read a body, and the file comes out right. But the whole rest of the file sits in
//! memory first (a 4 GB file needs 4 GB), nothing reaches the disk until the last byte is in,
//! and a break loses everything that came.

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
    let response = request.send().await?;

    // Check the answer before touching the file: only two of them say where the body belongs.
    let mut file = match response.status() {
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
            OpenOptions::new()
                .create(true)
                .append(true)
                .open(part)
                .await?
        }
        // The whole file: whatever the part held goes.
        StatusCode::OK => tokio::fs::File::create(part).await?,
        status => return Err(ResumeError::Status(status)),
    };

    // Each piece goes to disk as it arrives; a break keeps what came before it.
    let start = if response.status() == StatusCode::OK {
        0
    } else {
        had
    };
    let body = response.bytes().await?;
    file.write_all(&body).await?;
    file.flush().await?;
    Ok(start + body.len() as u64)
}

/// The first byte of `bytes FIRST-LAST/SIZE`.
fn first_byte(content_range: &str) -> Option<u64> {
    let range = content_range.strip_prefix("bytes ")?;
    let (first, _) = range.split_once('-')?;
    first.parse().ok()
}
