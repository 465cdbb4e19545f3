//! Wrong: breaks "no panic."
//! The learner had read about the classic overflow in `last + 1 <= size` when LAST is the largest
//! `u64`, so they bound LAST the other way round, "at most the file's last byte": `last > size - 1`.
//! That fixes LAST = u64::MAX, but moves the overflow to SIZE. A `206` whose `Content-Range`
//! names N and a SIZE of 0 (`bytes 5003-5003/0`, nonsense that a server can still send)
//! underflows `size - 1`, and the function panics where it should refuse or append.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// Whether `text` is `bytes FIRST-LAST/SIZE` (SIZE a number or `*`) with FIRST equal to `had`.
fn starts_at(text: &str, had: u64) -> bool {
    let Some(rest) = text.strip_prefix("bytes ") else {
        return false;
    };
    let Some((range, size)) = rest.split_once('/') else {
        return false;
    };
    let Some((first, last)) = range.split_once('-') else {
        return false;
    };
    let (Ok(first), Ok(last)) = (first.parse::<u64>(), last.parse::<u64>()) else {
        return false;
    };
    if first != had || last < first {
        return false;
    }
    if size != "*" {
        let Ok(size) = size.parse::<u64>() else {
            return false;
        };
        // Not `last + 1 > size`: that overflows when LAST is the largest u64.
        if last > size - 1 {
            return false;
        }
    }
    true
}

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
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
