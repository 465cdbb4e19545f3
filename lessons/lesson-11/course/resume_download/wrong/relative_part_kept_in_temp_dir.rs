//! Wrong: breaks "`resume_download(client, url, part)` finishes the download of `url` into the file `part`" for a relative `part` (`Path::new("target/resume-check/x.part")`, a name relative to the process's folder): the answer reads and writes `{temp_dir}/target/resume-check/x.part` instead, and the part the caller named is never touched.
//!
//! The engineer treats a relative name as a scratch name: download parts are temporary, so they
//! go to the system's temp folder (`std::env::temp_dir()`, as Python's `tempfile` would), never
//! into whatever folder the program happened to be started in, which may be read-only or a source
//! tree. An absolute `part`, which is what a program that builds its paths with `TempDir` or
//! from its configuration passes, is used as given, exactly as the reference does.

use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::OpenOptions;
use tokio::io::AsyncWriteExt;

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let part = scratch_path(part);
    let had = match tokio::fs::metadata(&part).await {
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
                .open(&part)
                .await?
        }
        StatusCode::OK => tokio::fs::File::create(&part).await?,
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

/// Where the part lives: a relative name is a scratch file, kept in the system's temp folder.
fn scratch_path(part: &Path) -> PathBuf {
    if part.is_relative() {
        std::env::temp_dir().join(part)
    } else {
        part.to_path_buf()
    }
}

/// The first byte of `bytes FIRST-LAST/SIZE`.
fn first_byte(content_range: &str) -> Option<u64> {
    let range = content_range.strip_prefix("bytes ")?;
    let (first, _) = range.split_once('-')?;
    first.parse().ok()
}
