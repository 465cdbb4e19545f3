//! Correct: the part is resolved once with `tokio::fs::canonicalize` (links followed, `..` and
//! `.` gone) and every later step (its size, the append, the restart) works on the resolved
//! path, so a symbolic link in the way is followed exactly once, at the start; a part that does
//! not exist (`NotFound`, a dangling link included) counts as 0 bytes and is then made at the
//! path as given. The body is copied by an inner `async` block that uses `?` on both
//! `chunk()` and the writes (`ResumeError` converts from both), and whose result is only returned
//! after the `flush` below it.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::OpenOptions;
use tokio::io::AsyncWriteExt;

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    // The file the part is, once: its size now, and where the bytes will go.
    let (target, had) = match tokio::fs::canonicalize(part).await {
        Ok(target) => {
            let had = tokio::fs::metadata(&target).await?.len();
            (target, had)
        }
        Err(err) if err.kind() == ErrorKind::NotFound => (part.to_path_buf(), 0),
        Err(err) => return Err(err.into()),
    };

    let request = if had > 0 {
        client.get(url).header(RANGE, format!("bytes={had}-"))
    } else {
        client.get(url)
    };
    let mut response = request.send().await?;

    let (mut file, start) = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .and_then(|value| value.to_str().ok())
                .unwrap_or_default();
            let first = content_range
                .strip_prefix("bytes ")
                .and_then(|range| range.split_once('-'))
                .map(|(first, _)| first);
            if first.and_then(|first| first.parse::<u64>().ok()) != Some(had) {
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range: content_range.to_owned(),
                });
            }
            let file = OpenOptions::new()
                .create(true)
                .append(true)
                .open(&target)
                .await?;
            (file, had)
        }
        StatusCode::OK => (tokio::fs::File::create(&target).await?, 0),
        status => return Err(ResumeError::Status(status)),
    };

    let outcome: Result<u64, ResumeError> = async {
        let mut size = start;
        while let Some(piece) = response.chunk().await? {
            file.write_all(&piece).await?;
            size += piece.len() as u64;
        }
        Ok::<u64, ResumeError>(size)
    }
    .await;
    // Whatever the block ended with, what was handed to tokio's `File` is written first.
    file.flush().await?;
    outcome
}
