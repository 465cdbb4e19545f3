//! Wrong: breaks "N bytes, where N is the file's size now" (and "one GET of `url` through `client`, with `Range: bytes=N-`")
//! The learner guards the part against other writers: the process remembers how many bytes each call left in each part, and when the part is found *longer* than that, "something else appended to my file (a second downloader, a stray `>>`), and those bytes were not checked", so it is cut back with `set_len` to what this process wrote and resumed from there. A part found shorter is trusted as it is (someone cleaned it up), which is the case the checks name; a part put back longer than this process left it (finished further by another tool, copied from another machine) is cut down and asked for from the old size.

use std::collections::HashMap;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::sync::{LazyLock, Mutex};

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, HeaderValue, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// How many bytes each part held when a call of this process last left it.
static LEFT: LazyLock<Mutex<HashMap<PathBuf, u64>>> = LazyLock::new(|| Mutex::new(HashMap::new()));

fn left_in(part: &Path) -> Option<u64> {
    LEFT.lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
        .get(part)
        .copied()
}

fn remember(part: &Path, size: u64) {
    LEFT.lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
        .insert(part.to_path_buf(), size);
}

/// Where a 206's body starts, read from its `Content-Range` (`bytes FIRST-LAST/SIZE`, SIZE a
/// number or `*`), with the total when the server gave one; `None` for any other form.
fn content_range_parts(text: &str) -> Option<(u64, Option<u64>)> {
    let unit = text.get(..6)?;
    if !unit.eq_ignore_ascii_case("bytes ") {
        return None;
    }
    let (span, size) = text[6..].split_once('/')?;
    let (first, last) = span.split_once('-')?;
    let number = |field: &str| -> Option<u64> {
        if field.is_empty() || !field.bytes().all(|byte| byte.is_ascii_digit()) {
            return None;
        }
        field.parse().ok()
    };
    let (first, last) = (number(first)?, number(last)?);
    let size = if size == "*" {
        None
    } else {
        Some(number(size)?)
    };
    (first <= last).then_some((first, size))
}

/// The header's text for `WrongRange`: as it came, or its bytes decoded as best one can.
fn header_text(value: Option<&HeaderValue>) -> String {
    value.map_or_else(String::new, |value| {
        value.to_str().map_or_else(
            |_| String::from_utf8_lossy(value.as_bytes()).into_owned(),
            str::to_owned,
        )
    })
}

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let mut had = match tokio::fs::metadata(part).await {
        Ok(metadata) => metadata.len(),
        Err(err) if err.kind() == ErrorKind::NotFound => 0,
        Err(err) => return Err(ResumeError::File(err)),
    };
    // Bytes past what this process wrote were put there by someone else: not ours to trust.
    if let Some(left) = left_in(part)
        && had > left
    {
        let file = OpenOptions::new().write(true).open(part).await?;
        file.set_len(left).await?;
        had = left;
    }

    let mut request = client.get(url);
    if had > 0 {
        request = request.header(RANGE, format!("bytes={had}-"));
    }
    let mut response = request.send().await?;

    let (mut file, mut size) = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let value = response.headers().get(CONTENT_RANGE);
            match value
                .and_then(|value| value.to_str().ok())
                .and_then(content_range_parts)
            {
                Some((first, _)) if had > 0 && first == had => {
                    let file = OpenOptions::new()
                        .create(true)
                        .append(true)
                        .open(part)
                        .await?;
                    (file, had)
                }
                _ => {
                    return Err(ResumeError::WrongRange {
                        asked: had,
                        content_range: header_text(value),
                    });
                }
            }
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
    // What this call leaves in the part, for the next call to check against.
    remember(part, size);
    flushed?;
    outcome
}
