//! Wrong: breaks "is `Err(ResumeError::WrongRange { asked: N, content_range })` (the header's text, or `""`)"
//! The learner wanted the header in the error and found that `HeaderValue` has no `Display`, so
//! `format!("{value:?}")` was the first thing that compiled: it reads like the text in a log. But
//! `Debug` puts the value in quotes (and escapes bytes that are not visible ASCII), so the error
//! carries `"\"bytes 0-70000/70001\""` instead of `bytes 0-70000/70001`.

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
    let (mut file, mut size) = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let header = response.headers().get(CONTENT_RANGE);
            let first = header
                .and_then(|value| value.to_str().ok())
                .and_then(|text| text.strip_prefix("bytes "))
                .and_then(|range| range.split_once('-'))
                .and_then(|(first, _)| first.parse::<u64>().ok());
            if first != Some(had) {
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range: header.map(|value| format!("{value:?}")).unwrap_or_default(),
                });
            }
            let file = OpenOptions::new()
                .create(true)
                .append(true)
                .open(part)
                .await?;
            (file, had)
        }
        StatusCode::OK => (File::create(part).await?, 0),
        status => return Err(ResumeError::Status(status)),
    };
    let outcome = loop {
        match response.chunk().await {
            Ok(Some(piece)) => {
                if let Err(err) = file.write_all(&piece).await {
                    break Err(ResumeError::File(err));
                }
                size += piece.len() as u64;
            }
            Ok(None) => break Ok(size),
            Err(err) => break Err(ResumeError::Http(err)),
        }
    };
    file.flush().await?;
    outcome
}
