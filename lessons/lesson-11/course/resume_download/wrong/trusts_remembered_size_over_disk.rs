//! Wrong: breaks "N bytes, where N is the file's size now (0 when it is empty or does not exist ...)"
//! The learner took hint 2's warning to heart: a tokio `File` writes in the background, so the
//! size the disk reports "may lag behind what was written". So the function remembers, for the
//! life of the process, how many bytes it has put in each part (a `static` map by path), and
//! resumes from the larger of the disk's size and its own count, "never asking twice for bytes it
//! already wrote". A part that was deleted, or replaced by a shorter one, since the last call on
//! that path is resumed from the old count: the `Range` asks past the part's end, and what comes
//! back (a 416, or a 206 from the old N that `Content-Range` agrees with) leaves a hole.

use std::collections::HashMap;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::sync::{LazyLock, Mutex, PoisonError};

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// How many bytes this process has put in each part, as it counted them.
static WRITTEN: LazyLock<Mutex<HashMap<PathBuf, u64>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

fn remembered(part: &Path) -> u64 {
    let sizes = WRITTEN.lock().unwrap_or_else(PoisonError::into_inner);
    sizes.get(part).copied().unwrap_or(0)
}

fn remember(part: &Path, size: u64) {
    let mut sizes = WRITTEN.lock().unwrap_or_else(PoisonError::into_inner);
    sizes.insert(part.to_owned(), size);
}

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let on_disk = match tokio::fs::metadata(part).await {
        Ok(metadata) => metadata.len(),
        Err(err) if err.kind() == ErrorKind::NotFound => 0,
        Err(err) => return Err(ResumeError::File(err)),
    };
    // The disk may not show the last writes yet: trust the larger count.
    let had = on_disk.max(remembered(part));

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
            if first_byte(&content_range) != Some(had) {
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
    let flushed = file.flush().await;
    // What is in the part now, for the next call on it.
    remember(part, size);
    let size = outcome?;
    flushed?;
    Ok(size)
}

/// FIRST of `bytes FIRST-LAST/SIZE` (SIZE a number or `*`), or `None` for any other form.
fn first_byte(text: &str) -> Option<u64> {
    let (unit, rest) = text.trim().split_once(' ')?;
    if !unit.eq_ignore_ascii_case("bytes") {
        return None;
    }
    let (range, total) = rest.split_once('/')?;
    let (first, last) = range.split_once('-')?;
    let (first, last) = (number(first)?, number(last)?);
    let total = match total {
        "*" => None,
        total => Some(number(total)?),
    };
    (first <= last && total.is_none_or(|total| last < total)).then_some(first)
}

/// A run of ASCII digits as a number.
fn number(text: &str) -> Option<u64> {
    if text.is_empty() || !text.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}
