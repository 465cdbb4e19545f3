//! Wrong: breaks "no panic."
//! The learner knows that `str::split` always yields at least one piece, so
//! `split('-').next().unwrap()` is the textbook "unwrap that can never fail", and wrote the next
//! line the same way for LAST. Every form the learner tried fails earlier (no `bytes ` unit, no
//! `/`, a `*` or another FIRST that does not parse or is not N). But a `Content-Range` that names
//! N and has no `-` after it, such as `bytes 5003/7000`, reaches the second `unwrap` and panics.

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
    let mut ends = range.split('-');
    // `split` always yields at least one piece: this cannot fail.
    let first = ends.next().unwrap();
    let Ok(first) = first.parse::<u64>() else {
        return false;
    };
    if first != had {
        return false;
    }
    // Past the `bytes ` unit, the `/` and a FIRST equal to N, it is a real range: LAST follows.
    let last = ends.next().unwrap();
    let Ok(last) = last.parse::<u64>() else {
        return false;
    };
    last >= first
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
