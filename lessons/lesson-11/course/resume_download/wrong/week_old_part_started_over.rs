//! Wrong: breaks "one GET of `url` through `client`, with `Range: bytes=N-` when N is over 0" for a part last written more than seven days ago
//! A part that has lain untouched for over a week is not trusted: the answer asks for the whole
//! file instead (no `Range`), and a 200 then empties the part as the contract says. Browsers
//! expire interrupted downloads, and the engineer reasons that after a week the file on the
//! server has most likely changed, so splicing old bytes onto new ones would be worse than a
//! fresh start. Every part made by a recent attempt (all of them, in a test that builds its part
//! a moment before) resumes with the right `Range`. But N is the part's size whatever its age:
//! an old part of a file that never changed (a release archive, a disk image) is fetched again
//! from byte 0, and a server that answers 206 only to the range asked is never asked it.

use std::io::ErrorKind;
use std::path::Path;
use std::time::Duration;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::OpenOptions;
use tokio::io::AsyncWriteExt;

/// How long a part is trusted after its last write.
const STALE_AFTER: Duration = Duration::from_secs(7 * 24 * 60 * 60);

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let had = match tokio::fs::metadata(part).await {
        Ok(metadata) => {
            let age = metadata
                .modified()
                .ok()
                .and_then(|written| written.elapsed().ok())
                .unwrap_or_default();
            if age > STALE_AFTER {
                // Too old to splice onto: start again from the first byte.
                0
            } else {
                metadata.len()
            }
        }
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
            if first_byte(content_range) != Some(had) {
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range: content_range.to_owned(),
                });
            }
            if had == 0 {
                // Asked for the whole file: a 206 from byte 0 is the whole file.
                tokio::fs::File::create(part).await?
            } else {
                OpenOptions::new()
                    .create(true)
                    .append(true)
                    .open(part)
                    .await?
            }
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
