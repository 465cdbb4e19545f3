//! Wrong: breaks "`Ok(size)`: the size of `part` once the body is all in" for a body that pauses more than 5 s between two pieces, through a client whose own timeouts allow that pause
//! A stall watchdog: every `chunk()` is wrapped in `tokio::time::timeout` of 5 s, and a body that
//! says nothing for longer is given up as stalled, the pieces so far kept for a later resume.
//! Download managers all have one, and the engineer did not trust the caller's client to have a
//! read timeout. Bodies that flow, or pause for less than 5 s, are untouched. But the pause is
//! not a break: the client given decides how long a body may go quiet (lesson 11's own client
//! allows 10 s), and a slow server that resumes after 6 s delivers the whole file; this answer
//! returns an error (and not even the `Http` one) for a download that would have completed.

use std::io::ErrorKind;
use std::path::Path;
use std::time::Duration;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::OpenOptions;
use tokio::io::AsyncWriteExt;

/// How long a body may say nothing before the download counts as stalled.
const STALL: Duration = Duration::from_secs(5);

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
            if first_byte(content_range) != Some(had) {
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
        match tokio::time::timeout(STALL, response.chunk()).await {
            Ok(Ok(Some(piece))) => {
                file.write_all(&piece).await?;
                size += piece.len() as u64;
            }
            Ok(Ok(None)) => break Ok(size),
            Ok(Err(err)) => break Err(ResumeError::Http(err)),
            Err(_elapsed) => {
                break Err(ResumeError::File(std::io::Error::new(
                    ErrorKind::TimedOut,
                    format!("the body stalled for {STALL:?} after {size} bytes"),
                )));
            }
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
