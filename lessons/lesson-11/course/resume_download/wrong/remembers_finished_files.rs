//! Wrong: breaks "one GET of `url` through `client`, with `Range: bytes=N-` when N is over 0" (and "any other status (a 416 …): `Err(ResumeError::Status(status))`")
//! The learner remembers, for the life of the process, the size of each file it has seen come in
//! whole (a `Content-Range` SIZE or a `Content-Length` that the part reached), the way a download
//! manager marks an entry "complete". When a later call finds a part of exactly that size, it
//! answers `Ok(N)` at once: "asking for `bytes=N-` of a finished file only earns a 416". But the
//! memo outlives what it describes: the file may have grown or changed since, and no request goes.

use std::collections::BTreeMap;
use std::io::ErrorKind;
use std::path::Path;
use std::sync::{Mutex, MutexGuard, PoisonError};

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// The size of each file (by URL) this process has downloaded to the end.
static FINISHED: Mutex<BTreeMap<String, u64>> = Mutex::new(BTreeMap::new());

fn finished() -> MutexGuard<'static, BTreeMap<String, u64>> {
    FINISHED.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let had = match tokio::fs::metadata(part).await {
        Ok(metadata) => metadata.len(),
        Err(err) if err.kind() == ErrorKind::NotFound => 0,
        Err(err) => return Err(ResumeError::File(err)),
    };
    // Already whole: nothing to ask for.
    let known = finished().get(url).copied();
    if had > 0 && known == Some(had) {
        return Ok(had);
    }

    let mut request = client.get(url);
    if had > 0 {
        request = request.header(RANGE, format!("bytes={had}-"));
    }
    let mut response = request.send().await?;
    let (mut file, mut size, whole) = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .map(|value| String::from_utf8_lossy(value.as_bytes()).into_owned())
                .unwrap_or_default();
            let Some((first, whole)) = parse(&content_range).filter(|(first, _)| *first == had)
            else {
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range,
                });
            };
            let file = OpenOptions::new()
                .create(true)
                .append(true)
                .open(part)
                .await?;
            (file, first, whole)
        }
        StatusCode::OK => {
            let whole = response.content_length();
            (File::create(part).await?, 0, whole)
        }
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
    if let Ok(size) = outcome
        && whole == Some(size)
    {
        finished().insert(url.to_owned(), size);
    }
    outcome
}

/// `bytes FIRST-LAST/SIZE` as `(FIRST, Some(SIZE))`, `bytes FIRST-LAST/*` as `(FIRST, None)`;
/// `None` for any other form.
fn parse(content_range: &str) -> Option<(u64, Option<u64>)> {
    let (range, size) = content_range.strip_prefix("bytes ")?.split_once('/')?;
    let (first, last) = range.split_once('-')?;
    let (first, last) = (number(first)?, number(last)?);
    let size = if size == "*" {
        None
    } else {
        Some(number(size)?)
    };
    (first <= last).then_some((first, size))
}

/// Plain ASCII digits as a `u64` (no sign, no spaces).
fn number(text: &str) -> Option<u64> {
    if text.is_empty() || !text.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}
