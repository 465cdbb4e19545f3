//! Wrong: breaks "finishes the download of `url` into the file `part` … N bytes, where N is the file's size now" for a part whose name holds a backslash (on Unix, `dir/a\b.part` with 5,003 bytes of the file: the answer looks at `dir/a/b.part`)
//! Paths in a team's download lists are written on Windows and on Unix alike, so the engineer
//! normalises the part's path: a `\` is read as a separator, as Windows reads it. On Unix a `\`
//! is an ordinary character of a file name, so the part named is another file: its size is not
//! N (the missing `dir/a/b.part` counts as 0, so no `Range` is sent and the bytes already there
//! are not resumed), and the body goes into `dir/a/b.part` (or fails, when `dir/a` does not
//! exist) instead of into `part`. Names that are not UTF-8, or hold no `\`, are used as given;
//! everything else is the reference.

use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::OpenOptions;
use tokio::io::AsyncWriteExt;

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    // One spelling for paths written on Windows and on Unix.
    let normalised = portable(part);
    let part = normalised.as_path();
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

/// `part` with `\` read as a separator, so that a path written on Windows works everywhere.
fn portable(part: &Path) -> PathBuf {
    match part.to_str() {
        Some(text) if text.contains('\\') => PathBuf::from(text.replace('\\', "/")),
        _ => part.to_path_buf(),
    }
}
