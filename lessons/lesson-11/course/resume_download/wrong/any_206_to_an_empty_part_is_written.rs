//! Wrong: breaks "(with N = 0 … one from another byte, or with no `Content-Range`, is refused)"
//! Reads the contract's leeway for N = 0 as "no range was asked, so any `206` to an empty or
//! missing part is the file": the body is written from the start whatever its `Content-Range` says,
//! or without one. A `206` for `bytes 5003-…` then becomes the first bytes of the file.

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
        Err(err) => return Err(ResumeError::File(err)),
    };
    let mut request = client.get(url);
    if had > 0 {
        request = request.header(RANGE, format!("bytes={had}-"));
    }
    let mut response = request.send().await?;
    let status = response.status();
    let (mut file, start) = if status == StatusCode::PARTIAL_CONTENT && had == 0 {
        // Nothing was asked for, and nothing is there: the body goes from the start.
        let file = OpenOptions::new()
            .create(true)
            .append(true)
            .open(part)
            .await?;
        (file, 0)
    } else if status == StatusCode::PARTIAL_CONTENT {
        let content_range = response
            .headers()
            .get(CONTENT_RANGE)
            .and_then(|value| value.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        let first = content_range
            .strip_prefix("bytes ")
            .and_then(|range| range.split_once('-'))
            .map(|(first, _)| first);
        if first.and_then(|first| first.parse::<u64>().ok()) != Some(had) {
            return Err(ResumeError::WrongRange {
                asked: had,
                content_range,
            });
        }
        let file = OpenOptions::new().append(true).open(part).await?;
        (file, had)
    } else if status == StatusCode::OK {
        (File::create(part).await?, 0)
    } else {
        return Err(ResumeError::Status(status));
    };
    let (written, stopped) = copy_body(&mut response, &mut file).await;
    file.flush().await?;
    match stopped {
        Some(err) => Err(err),
        None => Ok(start + written),
    }
}

/// Writes the body to `file` a piece at a time: the bytes written, and what stopped it early.
async fn copy_body(response: &mut Response, file: &mut File) -> (u64, Option<ResumeError>) {
    let mut written = 0;
    loop {
        let piece = match response.chunk().await {
            Ok(Some(piece)) => piece,
            Ok(None) => return (written, None),
            Err(err) => return (written, Some(ResumeError::Http(err))),
        };
        if let Err(err) = file.write_all(&piece).await {
            return (written, Some(ResumeError::File(err)));
        }
        written += piece.len() as u64;
    }
}
