//! Wrong: breaks "is `Err(ResumeError::WrongRange { asked: N, content_range })` (the header's text, or `""`)"
//! The learner strips the unit first and names what is left `content_range`, the way the RFC names
//! the part after `bytes ` (and the way the error's field is named); the refusal then puts that
//! shadowed name in the error. A header without the `bytes ` prefix (or none) is reported whole,
//! but `bytes 0-79999/80000` is reported as `0-79999/80000`: the unit is missing.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
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

    let mut file = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let header = response
                .headers()
                .get(CONTENT_RANGE)
                .and_then(|value| value.to_str().ok())
                .unwrap_or("")
                .to_owned();
            // `Content-Range: <unit> <range>/<size>`: only bytes make sense here.
            let Some(content_range) = header.strip_prefix("bytes ") else {
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range: header.clone(),
                });
            };
            if starts_at(content_range) != Some(had) {
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
        StatusCode::OK => File::create(part).await?,
        status => return Err(ResumeError::Status(status)),
    };

    let mut size = if response.status() == StatusCode::OK {
        0
    } else {
        had
    };
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

/// The `FIRST` of `FIRST-LAST/SIZE` (SIZE a number or `*`), `None` if it is not that.
fn starts_at(range: &str) -> Option<u64> {
    let (span, total) = range.split_once('/')?;
    let (first, last) = span.split_once('-')?;
    let (first, last): (u64, u64) = (first.parse().ok()?, last.parse().ok()?);
    let fits = match total {
        "*" => true,
        total => last < total.parse::<u64>().ok()?,
    };
    (first <= last && fits).then_some(first)
}
