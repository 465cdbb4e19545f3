//! Wrong: breaks "`206 Partial Content` whose `Content-Range` starts at byte N (`bytes N-LAST/SIZE`, SIZE being `*` when the server does not know it): its body is appended to `part`" for a right 206 from byte N (N over 0) that a cache served, saying so with `Age` (a part of 5,003 bytes of `/files/7000`, answered `206`, `Content-Range: bytes 5003-6999/7000`, `Age: 120`): the answer returns `WrongRange` and appends nothing.
//! The engineer read about CDNs stitching ranges from an older copy of a file and decided that a
//! range a cache kept (`Age` over 0) may belong to another version than the part's first bytes,
//! so it is refused like a range that starts elsewhere. Every 206 straight from the origin (no
//! `Age`, or `Age: 0`) is appended; but the contract appends any 206 that starts at byte N, and
//! a cached one is the very answer most resumes behind a CDN get.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{AGE, CONTENT_RANGE, RANGE};
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

    let mut file = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .and_then(|value| value.to_str().ok())
                .unwrap_or_default();
            // A range a cache kept may come from an older copy of the file than the part's.
            let from_a_cache = response
                .headers()
                .get(AGE)
                .and_then(|value| value.to_str().ok())
                .and_then(|age| age.trim().parse::<u64>().ok())
                .is_some_and(|age| age > 0);
            if first_byte(content_range) != Some(had) || from_a_cache {
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
        StatusCode::OK => tokio::fs::File::create(part).await?,
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

/// The first byte of `bytes FIRST-LAST/SIZE`.
fn first_byte(content_range: &str) -> Option<u64> {
    let range = content_range.strip_prefix("bytes ")?;
    let (first, _) = range.split_once('-')?;
    first.parse().ok()
}
