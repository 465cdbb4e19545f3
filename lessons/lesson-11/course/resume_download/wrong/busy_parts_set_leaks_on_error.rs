//! Wrong: breaks "one GET of `url` through `client`, with `Range: bytes=N-` when N is over 0" on a call that follows a failed one (a status, a wrong range, a failed connection) on the same part
//! Two downloads appending to the same part would interleave their bytes, so the learner keeps the
//! parts in use in a process-wide set: a call that finds its part there refuses at once ("already
//! being downloaded"), and every call takes its part out of the set at the end. But the removal is
//! one line before the last `outcome`, and every early `return` and `?` (a 503, a 416, a wrong
//! `Content-Range`, a refused connection) skips it: that part stays "in use" for the life of the
//! process, and every later call on it fails without a request. A break or a success is fine.

use std::collections::BTreeSet;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// The parts a call of this process is working on right now.
static IN_USE: Mutex<BTreeSet<PathBuf>> = Mutex::new(BTreeSet::new());

fn in_use() -> MutexGuard<'static, BTreeSet<PathBuf>> {
    IN_USE.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let ours = in_use().insert(part.to_path_buf());
    if !ours {
        return Err(ResumeError::File(std::io::Error::other(format!(
            "{} is already being downloaded",
            part.display()
        ))));
    }

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
    let (mut file, mut size) = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .map(|value| String::from_utf8_lossy(value.as_bytes()).into_owned())
                .unwrap_or_default();
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
    file.flush().await?;
    // Done with this part: another call may have it.
    in_use().remove(part);
    outcome
}

/// The FIRST of `bytes FIRST-LAST/SIZE` (SIZE a number or `*`), or `None` for any other form.
fn first_byte(content_range: &str) -> Option<u64> {
    let (range, size) = content_range.strip_prefix("bytes ")?.split_once('/')?;
    let (first, last) = range.split_once('-')?;
    let (first, last) = (number(first)?, number(last)?);
    if size != "*" {
        number(size)?;
    }
    (first <= last).then_some(first)
}

/// Plain ASCII digits as a `u64` (no sign, no spaces).
fn number(text: &str) -> Option<u64> {
    if text.is_empty() || !text.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}
