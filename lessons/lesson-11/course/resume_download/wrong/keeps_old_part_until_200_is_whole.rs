//! Wrong: breaks "a body that breaks off is `Err(ResumeError::Http(err))`, with every byte that arrived before the break written to `part`, so that a later call resumes from there"
//! A `200` to a part that already held bytes is written to a file beside it (`{part}.restart`)
//! and renamed over `part` only once the body is all in: the learner wants a 200 that breaks off
//! not to cost the bytes already there. But those bytes belong to a version the server no longer
//! serves from byte N: after a break `part` still holds the old N bytes, not the ones that came
//! (they are thrown away with the side file), so the next call asks for the wrong rest; and while
//! the 200's body arrives `part` does not grow. With no part (or an empty one), or with a `206`,
//! it writes straight to `part` and is right, which is what most tests exercise.

use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

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

    // Where the body is written, whether it replaces `part` at the end, and the bytes before it.
    let (target, replaces, mut size) = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .and_then(|value| value.to_str().ok())
                .unwrap_or_default()
                .to_owned();
            if first_byte(&content_range) != Some(had) {
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range,
                });
            }
            (part.to_path_buf(), false, had)
        }
        // The whole file again: keep the old part until the new one is complete.
        StatusCode::OK if had > 0 => (restart_path(part), true, 0),
        StatusCode::OK => (part.to_path_buf(), false, 0),
        status => return Err(ResumeError::Status(status)),
    };

    let mut file = if size > 0 {
        OpenOptions::new()
            .create(true)
            .append(true)
            .open(&target)
            .await?
    } else {
        File::create(&target).await?
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
    drop(file);

    if replaces {
        match outcome {
            Ok(size) => {
                tokio::fs::rename(&target, part).await?;
                Ok(size)
            }
            Err(err) => {
                // The old part is still there, untouched: the next call resumes from it.
                let _ = tokio::fs::remove_file(&target).await;
                Err(err)
            }
        }
    } else {
        outcome
    }
}

/// `{part}.restart`, beside the part.
fn restart_path(part: &Path) -> PathBuf {
    let mut name = part.as_os_str().to_owned();
    name.push(".restart");
    PathBuf::from(name)
}

/// The `FIRST` of `bytes FIRST-LAST/SIZE`, if the header reads so.
fn first_byte(content_range: &str) -> Option<u64> {
    let (first, _) = content_range
        .trim()
        .strip_prefix("bytes ")?
        .split_once('-')?;
    first.parse().ok()
}
