//! Wrong: breaks "- no panic." for an error status whose `Retry-After` is an HTTP date (`503` with `Retry-After: Fri, 31 Dec 1999 23:59:59 GMT`, the header's other form)
//!
//! On an error status the answer tells the user, on stderr, how long the server asks them to
//! wait, then returns `Err(ResumeError::Status(status))` as the contract says. It reads the
//! header the way Python scripts do, `int(resp.headers["Retry-After"])`: as whole seconds,
//! with `expect`, since "it is always a number". RFC 9110 allows two forms, a number of
//! seconds or an HTTP date, and a date makes the parse fail and the call panic. The checks' error
//! statuses say `Retry-After: 0`, or ask for a retry after a second, or say nothing of when:
//! all of them pass.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE, RETRY_AFTER};
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
        status => {
            // Tell the user when the server wants to be asked again (the caller decides).
            if let Some(value) = response.headers().get(RETRY_AFTER) {
                let seconds: u64 = value
                    .to_str()
                    .unwrap_or_default()
                    .trim()
                    .parse()
                    .expect("Retry-After is a number of seconds");
                eprintln!("{status}: the server asks to wait {seconds} s before asking again");
            }
            return Err(ResumeError::Status(status));
        }
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
