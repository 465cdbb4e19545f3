//! Wrong: breaks "a `206` whose `Content-Range` starts elsewhere, or that has none, is `Err(ResumeError::WrongRange { asked: N, content_range })` … and `part` is left as it was"
//! The learner compares the first byte with `<=` instead of `==`: a 206 that starts before byte N
//! "overlaps what I have, so drop the first N - FIRST bytes of its body and append the rest", the
//! way some download managers stitch overlapping segments; only a 206 that starts after N (a hole)
//! is refused. A 206 from byte 0 to a part of 5,003 bytes then comes out as `Ok`, with the part
//! looking right, where the contract wants `WrongRange` and the part untouched.

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

    // How many bytes at the start of the body the part already holds.
    let mut skip: u64 = 0;
    let mut file = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .and_then(|value| value.to_str().ok())
                .unwrap_or_default();
            match first_byte(content_range) {
                // From byte N, or from earlier: what overlaps is already in the part.
                Some(first) if first <= had => skip = had - first,
                _ => {
                    return Err(ResumeError::WrongRange {
                        asked: had,
                        content_range: content_range.to_owned(),
                    });
                }
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
                let len = piece.len() as u64;
                if skip >= len {
                    skip -= len;
                    continue;
                }
                // `skip < len <= usize::MAX` here.
                let from = usize::try_from(skip).unwrap_or(0);
                skip = 0;
                let new = &piece[from..];
                file.write_all(new).await?;
                size += new.len() as u64;
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
