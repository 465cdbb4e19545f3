//! Wrong: breaks "`part` is emptied, then the body written from the start" (a 200), and "its body is appended to `part`" (a 206), once the file at `part` is not the one a first call opened
//! The C programmer's habit of keeping a descriptor open rather than opening the same path again:
//! the part is opened once per process and its handle kept in a `static` map by path, so that the
//! next call on that part (a resume after a break, a restart) writes through the same open file.
//! It works as long as the path still names that file; but once the part is deleted or replaced
//! between two calls (the user starts over, another run cleans up), the kept handle writes into the
//! old, unlinked file, and the part at the path stays missing, or untouched, while `Ok` comes back.

use std::collections::BTreeMap;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// The parts this process has opened, kept open for the calls that follow (opened to append).
static OPEN_PARTS: Mutex<BTreeMap<PathBuf, std::fs::File>> = Mutex::new(BTreeMap::new());

fn open_parts() -> MutexGuard<'static, BTreeMap<PathBuf, std::fs::File>> {
    OPEN_PARTS.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The part, opened to append: the handle an earlier call opened if there is one, or a new one,
/// kept for the next call.
async fn part_file(part: &Path) -> std::io::Result<File> {
    let kept = open_parts().get(part).map(std::fs::File::try_clone);
    if let Some(handle) = kept {
        return Ok(File::from_std(handle?));
    }
    let file = OpenOptions::new()
        .create(true)
        .append(true)
        .open(part)
        .await?
        .into_std()
        .await;
    let keep = file.try_clone()?;
    open_parts().insert(part.to_path_buf(), keep);
    Ok(File::from_std(file))
}

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
            (part_file(part).await?, had)
        }
        StatusCode::OK => {
            // The same handle, emptied: appending then writes from byte 0.
            let file = part_file(part).await?;
            file.set_len(0).await?;
            (file, 0)
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
