//! Correct: the size is read after `tokio::fs::try_exists` (which is `Ok(false)` only for a missing
//! path and an error for any other failure, unlike `Path::exists`), the 206 is judged with
//! `starts_with("bytes {N}-")` instead of parsing the first byte, and the loop flushes and returns
//! on a break itself instead of breaking out with the outcome.

use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let had = if tokio::fs::try_exists(part).await? {
        tokio::fs::metadata(part).await?.len()
    } else {
        0
    };

    let request = if had == 0 {
        client.get(url)
    } else {
        client.get(url).header(RANGE, format!("bytes={had}-"))
    };
    let mut response = request.send().await.map_err(ResumeError::Http)?;

    let status = response.status();
    let (mut file, mut size) = if status == StatusCode::OK {
        (File::create(part).await?, 0)
    } else if status == StatusCode::PARTIAL_CONTENT {
        let content_range = match response.headers().get(CONTENT_RANGE) {
            Some(value) => value.to_str().unwrap_or("").to_owned(),
            None => String::new(),
        };
        if !content_range.starts_with(&format!("bytes {had}-")) {
            return Err(ResumeError::WrongRange {
                asked: had,
                content_range,
            });
        }
        let file = OpenOptions::new()
            .append(true)
            .create(true)
            .open(part)
            .await?;
        (file, had)
    } else {
        return Err(ResumeError::Status(status));
    };

    loop {
        let piece = match response.chunk().await {
            Ok(Some(piece)) => piece,
            Ok(None) => break,
            Err(err) => {
                // Keep what came: it must be in the part before we say so.
                file.flush().await?;
                return Err(ResumeError::Http(err));
            }
        };
        file.write_all(&piece).await?;
        size += piece.len() as u64;
    }
    file.flush().await?;
    Ok(size)
}
