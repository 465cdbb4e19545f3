//! Wrong: breaks "one GET of `url` through `client`" and "a failed connection is `Err(ResumeError::Http(err))` too, with `part` untouched"
//! The learner brought urllib3's `Retry(connect=3)` habit: a GET is idempotent, and an error from
//! `send()` means no answer came, so nothing was received and nothing written: asking again, up to
//! three times with a short pause, seems harmless and "untouched" still holds. But a server that
//! takes the request and closes the connection without answering now gets three GETs, and if it
//! answers the second, the caller hears `Ok` where the contract says `Err(Http)`.

use std::io::ErrorKind;
use std::path::Path;
use std::time::Duration;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// How many times a GET that got no answer is sent in all.
const ATTEMPTS: u32 = 3;

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let had = match tokio::fs::metadata(part).await {
        Ok(metadata) => metadata.len(),
        Err(err) if err.kind() == ErrorKind::NotFound => 0,
        Err(err) => return Err(ResumeError::File(err)),
    };

    // No answer yet means nothing was written: a GET can safely be sent again.
    let mut attempt = 1;
    let mut response = loop {
        let mut request = client.get(url);
        if had > 0 {
            request = request.header(RANGE, format!("bytes={had}-"));
        }
        match request.send().await {
            Ok(response) => break response,
            Err(_) if attempt < ATTEMPTS => {
                tokio::time::sleep(Duration::from_millis(200 * u64::from(attempt))).await;
                attempt += 1;
            }
            Err(err) => return Err(ResumeError::Http(err)),
        }
    };

    let (mut file, mut size) = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .and_then(|value| value.to_str().ok())
                .unwrap_or("")
                .to_owned();
            if had == 0 || first_byte(&content_range) != Some(had) {
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range,
                });
            }
            let file = OpenOptions::new().append(true).open(part).await?;
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

/// FIRST of `bytes FIRST-LAST/SIZE` (SIZE a number or `*`, LAST not before FIRST).
fn first_byte(text: &str) -> Option<u64> {
    let (span, total) = text.strip_prefix("bytes ")?.split_once('/')?;
    if total != "*" {
        total.parse::<u64>().ok()?;
    }
    let (first, last) = span.split_once('-')?;
    let (first, last): (u64, u64) = (first.parse().ok()?, last.parse().ok()?);
    (first <= last).then_some(first)
}
