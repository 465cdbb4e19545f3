//! Correct: the fixed form of `stall_watchdog_between_pieces`: the watchdog still wakes every
//! 5 s that a body says nothing, but it only says so on stderr and goes on waiting: how long a
//! body may go quiet is the client's to decide (its read timeout ends the wait as a break, an
//! `Http` error). The `chunk()` future is pinned once per piece and polled again after each
//! watchdog wake (`std::pin::pin!` and `Pin::as_mut`), so no piece is lost to a timeout: the
//! future is never dropped while it may hold one.

use std::io::ErrorKind;
use std::path::Path;
use std::time::Duration;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::OpenOptions;
use tokio::io::AsyncWriteExt;

/// How long a body may say nothing before a line on stderr notes it.
const QUIET: Duration = Duration::from_secs(5);

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
        let next = {
            let mut next = std::pin::pin!(response.chunk());
            let mut quiet = Duration::ZERO;
            loop {
                match tokio::time::timeout(QUIET, next.as_mut()).await {
                    Ok(next) => break next,
                    Err(_elapsed) => {
                        quiet += QUIET;
                        eprintln!("resume_download: {url}: nothing for {quiet:?}, still waiting");
                    }
                }
            }
        };
        match next {
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
