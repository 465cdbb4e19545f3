//! Wrong: breaks "one GET of `url` through `client`, with `Range: bytes=N-` when N is over 0" (and the resume itself)
//! Two downloads appending to the same part would interleave their bytes, so the learner takes a
//! lock first, the way download managers and package tools keep a `.lock` beside their files:
//! `{part}.lock` is made with `create_new` (atomic: only one caller gets it), and a guard removes
//! it on every way out. But a download that was killed (SIGKILL, a power cut, the very cases a
//! resume is for) never ran its guard: the stale lock stays, and every later call ends with
//! `File(AlreadyExists)` before any request, so the part can never be finished.

use std::ffi::OsString;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// Holds `{part}.lock` while a download writes to the part; removes it when dropped.
struct PartLock(PathBuf);

impl PartLock {
    async fn take(part: &Path) -> std::io::Result<Self> {
        let mut name = OsString::from(part.as_os_str());
        name.push(".lock");
        let path = PathBuf::from(name);
        OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .await?;
        Ok(Self(path))
    }
}

impl Drop for PartLock {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// FIRST of a `Content-Range` of the form `bytes FIRST-LAST/SIZE` (SIZE a number or `*`, LAST
/// not before FIRST); `None` for any other text.
fn first_byte(text: &str) -> Option<u64> {
    let (span, size) = text.strip_prefix("bytes ")?.split_once('/')?;
    if size != "*" && size.parse::<u64>().is_err() {
        return None;
    }
    let (first, last) = span.split_once('-')?;
    let (first, last): (u64, u64) = (first.parse().ok()?, last.parse().ok()?);
    (first <= last).then_some(first)
}

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let had = match tokio::fs::metadata(part).await {
        Ok(metadata) => metadata.len(),
        Err(err) if err.kind() == ErrorKind::NotFound => 0,
        Err(err) => return Err(ResumeError::File(err)),
    };
    // Nobody else may append to the part while this call does.
    let _lock = PartLock::take(part).await?;

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
                .unwrap_or("")
                .to_owned();
            let first = first_byte(&content_range);
            if first != Some(had) {
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
