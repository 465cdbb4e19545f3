//! Wrong: breaks "no panic."
//! The learner checks the header by the text it must contain, N's digits right after `bytes `
//! then a `-`, and compares them the way Python does, `rest[:len(want)] == want`, as
//! `&rest[..want.len()]`. The unit is taken off with `strip_prefix`, so a header cut short to
//! `bytes` or empty is refused safely. But Rust's slice, unlike Python's, panics when the text is
//! shorter than the slice. A refused form shorter than N's digits panics, e.g. `bytes */999` or
//! `bytes 12` to a part of 5,003 bytes, or `bytes */5003` to the part of over 4 GiB. (This is the
//! family of `content_range_sliced_like_python`, made to get past its revealing input.)

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
    let want = had.to_string();
    if rest[..want.len()] != *want {
        return false;
    }
    // After FIRST: `-LAST/SIZE`, LAST a number not below FIRST.
    let Some(tail) = rest[want.len()..].strip_prefix('-') else {
        return false;
    };
    let Some((last, _size)) = tail.split_once('/') else {
        return false;
    };
    last.parse::<u64>().is_ok_and(|last| last >= had)
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
