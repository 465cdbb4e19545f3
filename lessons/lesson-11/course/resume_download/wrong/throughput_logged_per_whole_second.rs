//! Wrong: breaks "- no panic." for a body of over 2 MiB that arrives within its first second (no part, and a `200` of the mock's `/files/3145728`, 3 MiB, on loopback): the throughput line divides by the whole seconds elapsed, 0, and the call panics with "attempt to divide by zero".
//!
//! The engineer adds progress logging for long downloads, as `wget` prints it: every 2 MiB, a
//! line on stderr with the bytes so far and the rate, `received / elapsed.as_secs()`. Integer
//! seconds look right for a download that takes minutes; but a fast one reaches 2 MiB before the
//! first whole second, and an integer division by zero panics in release builds too. Bodies under
//! 2 MiB never print, and a slow one divides by at least 1: both behave as the reference does.

use std::io::ErrorKind;
use std::path::Path;
use std::time::Instant;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::OpenOptions;
use tokio::io::AsyncWriteExt;

/// A progress line every this many bytes of body.
const REPORT_EVERY: u64 = 2 << 20;

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let had = match tokio::fs::metadata(part).await {
        Ok(metadata) => metadata.len(),
        Err(err) if err.kind() == ErrorKind::NotFound => 0,
        Err(err) => return Err(err.into()),
    };
    let started = Instant::now();
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
    let mut received: u64 = 0;
    let mut next_report = REPORT_EVERY;
    let outcome = loop {
        match response.chunk().await {
            Ok(Some(piece)) => {
                file.write_all(&piece).await?;
                size += piece.len() as u64;
                received += piece.len() as u64;
                if received >= next_report {
                    let per_second = received / started.elapsed().as_secs();
                    eprintln!(
                        "resume_download: {received} bytes in, {} KiB/s",
                        per_second / 1024
                    );
                    next_report += REPORT_EVERY;
                }
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
