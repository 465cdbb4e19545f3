//! Correct, written another way: the answer is sorted into "where the body starts" (`Some(N)` for
//! a 206 from byte N, `Some(0)` for a 200 after removing the old part, or an error); then one
//! `OpenOptions` (create + append) serves both cases, and a helper copies the body with `?`
//! while the caller flushes whatever the helper returned, so a break still reaches the flush.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, Response, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let had = match tokio::fs::metadata(part).await {
        Ok(metadata) => metadata.len(),
        Err(err) if err.kind() == ErrorKind::NotFound => 0,
        Err(err) => return Err(err.into()),
    };

    let request = if had > 0 {
        client.get(url).header(RANGE, format!("bytes={had}-"))
    } else {
        client.get(url)
    };
    let mut response = request.send().await?;

    let start = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = match response.headers().get(CONTENT_RANGE) {
                Some(value) => value.to_str().unwrap_or_default().to_owned(),
                None => String::new(),
            };
            let first = content_range
                .trim()
                .strip_prefix("bytes ")
                .and_then(|range| range.split(['-', '/']).next())
                .and_then(|first| first.trim().parse::<u64>().ok());
            match first {
                Some(first) if first == had => had,
                _ => {
                    return Err(ResumeError::WrongRange {
                        asked: had,
                        content_range,
                    });
                }
            }
        }
        StatusCode::OK => {
            // The whole file again: what the part holds is of no use.
            match tokio::fs::remove_file(part).await {
                Err(err) if err.kind() != ErrorKind::NotFound => return Err(err.into()),
                _ => 0,
            }
        }
        status => return Err(ResumeError::Status(status)),
    };

    let mut file = OpenOptions::new()
        .create(true)
        .append(true)
        .open(part)
        .await?;
    let mut written = 0;
    let copied = copy_body(&mut response, &mut file, &mut written).await;
    file.flush().await?;
    copied?;
    Ok(start + written)
}

/// Appends the body to `file` a piece at a time, counting in `written` what is written.
async fn copy_body(
    response: &mut Response,
    file: &mut File,
    written: &mut u64,
) -> Result<(), ResumeError> {
    while let Some(piece) = response.chunk().await? {
        file.write_all(&piece).await?;
        *written += piece.len() as u64;
    }
    Ok(())
}
