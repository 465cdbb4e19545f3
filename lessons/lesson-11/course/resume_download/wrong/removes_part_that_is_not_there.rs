//! Wrong: breaks "`200 OK`: the server sends the whole file from its first byte …: `part` is emptied, then the body written from the start"
//! The learner reads "the part is emptied" as "the old part goes": for a 200 it calls
//! `tokio::fs::remove_file(part).await?`, then opens the part for appending, the same open as for a
//! 206. Tested on a restart over a part that held bytes, it works; but a first download (no part at
//! all, so no `Range`, and a plain 200) fails on the removal with `NotFound`, and returns
//! `Err(ResumeError::File(_))` without writing a byte.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::OpenOptions;
use tokio::io::AsyncWriteExt;

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
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

    let mut size = match response.status() {
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
            had
        }
        StatusCode::OK => {
            // The whole file again: the old part goes.
            tokio::fs::remove_file(part).await?;
            0
        }
        status => return Err(ResumeError::Status(status)),
    };
    let mut file = OpenOptions::new()
        .create(true)
        .append(true)
        .open(part)
        .await?;

    let outcome = loop {
        match response.chunk().await {
            Ok(Some(piece)) => {
                file.write_all(&piece).await?;
                size += piece.len() as u64;
            }
            Ok(None) => break Ok(size),
            Err(err) => break Err(ResumeError::Http(err)),
        }
    };
    file.flush().await?;
    outcome
}

/// The first byte of `bytes FIRST-LAST/SIZE`.
fn first_byte(content_range: &str) -> Option<u64> {
    let range = content_range.strip_prefix("bytes ")?;
    let (first, _) = range.split_once('-')?;
    first.parse().ok()
}
