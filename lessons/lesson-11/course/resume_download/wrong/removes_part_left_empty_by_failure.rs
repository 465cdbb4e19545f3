//! Wrong: breaks "`200 OK`: ... `part` is emptied, then the body written from the start" together with "`part` is left as it was" and "a failed connection is `Err(ResumeError::Http(err))` too, with `part` untouched"
//! curl's `--remove-on-error` habit, made "smarter": a part with bytes in it is kept after a
//! failure, since a later call resumes from it, but an empty part is useless clutter, so every
//! failing call ends by removing the part if it is empty. Everything that holds bytes comes out
//! right; but an empty part the caller left is deleted by a 404 or a failed connection, and a `200`
//! over a 5,003-byte part that breaks before its first byte leaves no part at all instead of an
//! emptied one. A check that reads a missing part as empty cannot see it.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// Whether `bytes FIRST-LAST/SIZE` starts at byte `n`.
fn starts_at(content_range: &str, n: u64) -> bool {
    let digits = |text: &str| !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
    let Some(rest) = content_range.strip_prefix("bytes ") else {
        return false;
    };
    let Some((span, size)) = rest.split_once('/') else {
        return false;
    };
    let Some((first, last)) = span.split_once('-') else {
        return false;
    };
    digits(first)
        && digits(last)
        && (size == "*" || digits(size))
        && first.parse::<u64>().ok() == Some(n)
}

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let result = attempt(client, url, part).await;
    if result.is_err() {
        // Keep a part worth resuming from; drop an empty one.
        if let Ok(metadata) = tokio::fs::metadata(part).await
            && metadata.is_file()
            && metadata.len() == 0
        {
            let _ = tokio::fs::remove_file(part).await;
        }
    }
    result
}

async fn attempt(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
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
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .and_then(|value| value.to_str().ok())
                .unwrap_or_default()
                .to_owned();
            if !starts_at(&content_range, had) {
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range,
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
