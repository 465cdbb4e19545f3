//! Wrong: breaks "N bytes, where N is the file's size now (0 when it is empty or does not exist; any other error reading its size is `Err(ResumeError::File(err))`, before a request is sent)" for a `part` that is a symbolic link to a file that does not exist yet (a dangling link: `part` -> `{tmp}/elsewhere/x.part`, the folder there, the file not)
//! The answer asks first whether anything is at that name, without following links
//! (`symlink_metadata`, so that a link counts as "there"), and only then takes the size of what
//! it points at with `metadata` and `?`. For a dangling link the first look says "there", the
//! second fails with `NotFound`, and the call returns `Err(ResumeError::File(NotFound))` without a
//! request; the file does not exist, so N is 0: the answer must ask for the whole file and write
//! it through the link (`File::create` follows it and creates the target), as the reference does.
//! A learner writes it to tell "no part" from "a part I cannot read", Python's `os.path.lexists`
//! then `os.path.getsize`; parts kept on another disk and linked in are where it shows.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::OpenOptions;
use tokio::io::AsyncWriteExt;

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    // Is there anything at that name (a link counts)? Then its size is the part's, and any
    // error reading it is the part's error.
    let had = match tokio::fs::symlink_metadata(part).await {
        Ok(_) => tokio::fs::metadata(part).await?.len(),
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
