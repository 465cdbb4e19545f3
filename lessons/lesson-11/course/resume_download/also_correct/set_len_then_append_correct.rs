//! Correct, written another way: one `create(true).append(true)` open for both answers, made only once the status and `Content-Range` are checked; a `200` empties the part with `set_len(0)` (appending then writes from byte 0) instead of `File::create`; the body is copied by a helper that returns the break instead of raising it, and after `flush` and `sync_all` the size returned is read from the open file's metadata rather than counted.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, Response, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let had = tokio::fs::metadata(part)
        .await
        .map(|metadata| metadata.len())
        .or_else(|err| match err.kind() {
            ErrorKind::NotFound => Ok(0),
            _ => Err(ResumeError::File(err)),
        })?;

    let mut request = client.get(url);
    if had > 0 {
        request = request.header(RANGE, format!("bytes={had}-"));
    }
    let response = request.send().await?;

    // Decide where the body goes before touching the part.
    let empty_first = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .map(|value| String::from_utf8_lossy(value.as_bytes()).into_owned())
                .unwrap_or_default();
            if range_start(&content_range) != Some(had) {
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range,
                });
            }
            false
        }
        StatusCode::OK => true,
        status => return Err(ResumeError::Status(status)),
    };

    let mut file = OpenOptions::new()
        .create(true)
        .append(true)
        .open(part)
        .await?;
    if empty_first {
        file.set_len(0).await?;
    }

    let broke_off = copy_body(response, &mut file).await?;
    file.flush().await?;
    file.sync_all().await?;
    match broke_off {
        Some(err) => Err(ResumeError::Http(err)),
        None => Ok(file.metadata().await?.len()),
    }
}

/// Appends the body to `file` as it arrives. A write error is returned at once; a break of the
/// body ends the copy and is handed back, so that the caller still flushes what came.
async fn copy_body(
    mut response: Response,
    file: &mut File,
) -> Result<Option<reqwest::Error>, ResumeError> {
    loop {
        let piece = match response.chunk().await {
            Ok(Some(piece)) => piece,
            Ok(None) => return Ok(None),
            Err(err) => return Ok(Some(err)),
        };
        file.write_all(&piece).await?;
    }
}

/// The `FIRST` of `bytes FIRST-LAST/SIZE`; `None` for anything else.
fn range_start(content_range: &str) -> Option<u64> {
    let spec = content_range.trim().strip_prefix("bytes ")?;
    let (range, size) = spec.split_once('/')?;
    let (first, last) = range.split_once('-')?;
    let first: u64 = first.parse().ok()?;
    let last: u64 = last.parse().ok()?;
    let size_ok = size == "*" || size.parse::<u64>().is_ok_and(|size| last < size);
    (first <= last && size_ok).then_some(first)
}
