//! Correct: the 200 opens the part with `OpenOptions` (`write` + `create` + `truncate`) rather than
//! `File::create`, the `Content-Range` is split on its unit first (`split_once(' ')`, unit compared
//! to `bytes`), the count starts from the opened file's own length (0 after the truncation, N after
//! opening for appending) rather than from the N read before the request, and errors are converted
//! with explicit `map_err` instead of `?`'s `From`.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, HeaderValue, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::OpenOptions;
use tokio::io::AsyncWriteExt;

/// `bytes FIRST-LAST/SIZE` → FIRST.
fn start_of(content_range: &str) -> Option<u64> {
    let (unit, rest) = content_range.split_once(' ')?;
    if unit != "bytes" {
        return None;
    }
    let (first, _) = rest.split_once('-')?;
    first.parse().ok()
}

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let had = tokio::fs::metadata(part)
        .await
        .map(|metadata| metadata.len())
        .or_else(|err| {
            if err.kind() == ErrorKind::NotFound {
                Ok(0)
            } else {
                Err(ResumeError::File(err))
            }
        })?;

    let mut request = client.get(url);
    if had != 0 {
        request = request.header(RANGE, format!("bytes={had}-"));
    }
    let mut response = request.send().await.map_err(ResumeError::Http)?;

    let mut options = OpenOptions::new();
    match response.status() {
        StatusCode::OK => {
            options.write(true).create(true).truncate(true);
        }
        StatusCode::PARTIAL_CONTENT => {
            let text = response
                .headers()
                .get(CONTENT_RANGE)
                .map(HeaderValue::to_str)
                .and_then(Result::ok)
                .unwrap_or("");
            if start_of(text) != Some(had) {
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range: text.to_owned(),
                });
            }
            options.append(true).create(true);
        }
        status => return Err(ResumeError::Status(status)),
    }
    let mut file = options.open(part).await.map_err(ResumeError::File)?;
    let mut size = file.metadata().await.map_err(ResumeError::File)?.len();

    let result = loop {
        match response.chunk().await {
            Ok(None) => break Ok(size),
            Ok(Some(piece)) => match file.write_all(&piece).await {
                Ok(()) => size += piece.len() as u64,
                Err(err) => break Err(ResumeError::File(err)),
            },
            Err(err) => break Err(ResumeError::Http(err)),
        }
    };
    file.flush().await.map_err(ResumeError::File)?;
    result
}
