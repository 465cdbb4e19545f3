//! Wrong: breaks "one GET of `url` through `client`" for a client whose own total timeout (`ClientBuilder::timeout`) is shorter than the server takes to answer (a client built with `.timeout(500 ms)`, a server that sends its 200 after 1.5 s)
//! The request is built as lesson 11's `download` builds it: `client.get(url).timeout(DOWNLOAD_LIMIT)`,
//! because the lesson says the course's 30 s limit on a whole request "suits API calls, not files".
//! But a per-request `timeout` replaces the client's own (reqwest: "overrides the timeout
//! configured using `ClientBuilder::timeout()`"), so the caller's client no longer decides how
//! long its request may take: through the client given, the slow answer is a failed request,
//! `Err(ResumeError::Http(_))` after half a second; here it is waited for up to an hour, then
//! written. A learner copies it because it is the lesson's own line; everything else is the
//! reference. The checks' slow server is met with a client whose *read* timeout is short, which
//! a per-request total timeout does not touch.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::{DOWNLOAD_LIMIT, ResumeError};
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
    // A file takes longer than an API call: the lesson's limit for a whole download.
    let mut request = client.get(url).timeout(DOWNLOAD_LIMIT);
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
