//! Wrong: breaks "N bytes, where N is the file's size now" for a `part` that is a symbolic link to the file that holds the bytes
//! The part's size is read with `symlink_metadata` (lstat) rather than `metadata` (stat): the
//! engineer hardened the code the way rsync and tar do, "never follow a link someone planted
//! beside my download", and lstat is the call those tools make first. For a plain file both give
//! the same size, so every ordinary part resumes right. But when `part` is a link (a download
//! folder whose parts are links into a cache, `ln -s` by a user), lstat gives the length of the
//! link's target *path*, not of the file: the `Range` asks for the wrong byte, while the body
//! is then appended (open follows the link) to the real file; a dangling link counts as a part of
//! a few bytes instead of none.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::OpenOptions;
use tokio::io::AsyncWriteExt;

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    // lstat: never follow a link to decide anything about the part.
    let had = match tokio::fs::symlink_metadata(part).await {
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
