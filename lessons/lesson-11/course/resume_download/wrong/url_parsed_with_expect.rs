//! Wrong: breaks "no panic." (and "a failed connection is `Err(ResumeError::Http(err))`")
//! The learner parses the `&str` into a `reqwest::Url` at the boundary ("parse, don't validate")
//! and logs its path. `ResumeError` has no variant for a bad URL, so the learner decided a bad URL
//! is the caller's bug and used `.expect(..)`, as for an index out of bounds. Every URL the learner
//! tried is absolute. A relative one (`/files/7000`), or `http://` with no host, panics here.
//! Given the string, `client.get(url)` would have turned the same URL into a `reqwest::Error`,
//! that is `Http`.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// Whether `text` is `bytes FIRST-LAST/SIZE` with FIRST equal to `had`.
fn starts_at(text: &str, had: u64) -> bool {
    let Some(rest) = text.strip_prefix("bytes ") else {
        return false;
    };
    let Some((range, _size)) = rest.split_once('/') else {
        return false;
    };
    let Some((first, last)) = range.split_once('-') else {
        return false;
    };
    match (first.parse::<u64>(), last.parse::<u64>()) {
        (Ok(first), Ok(last)) => first == had && first <= last,
        _ => false,
    }
}

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    // Typed once, at the boundary: from here on it is a `Url`, not any string.
    let url = reqwest::Url::parse(url).expect("resume_download needs an absolute http(s) URL");
    let had = match tokio::fs::metadata(part).await {
        Ok(metadata) => metadata.len(),
        Err(err) if err.kind() == ErrorKind::NotFound => 0,
        Err(err) => return Err(ResumeError::File(err)),
    };
    let mut request = client.get(url.clone());
    if had > 0 {
        request = request.header(RANGE, format!("bytes={had}-"));
    }
    eprintln!("resume {} from byte {had}", url.path());
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
