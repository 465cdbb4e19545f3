//! Wrong: breaks "`Ok(size)`: the size of `part` once the body is all in, every byte written and flushed before the function returns" (a later call never returns)
//! The learner does what the contract asks (every piece written, `flush` awaited before
//! returning) and adds durability: `sync_all`, which can take long on a slow disk, is left to a
//! task of its own (`tokio::spawn`), so the caller does not wait for it. To lose no error and leave
//! no task behind, the handles are kept in a process-wide list, and each call first tidies up:
//! it awaits the syncs the earlier calls left, and logs their errors. A handle of a task whose
//! runtime was dropped answers at once (cancelled), but one whose runtime is kept without being
//! run (a current-thread runtime outside `block_on`) never does: the next call, on another
//! runtime, waits for it for ever.

use std::io::ErrorKind;
use std::path::Path;
use std::sync::{Mutex, PoisonError};

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;
use tokio::task::JoinHandle;

/// The syncs started by earlier calls, not yet looked at.
static PENDING_SYNCS: Mutex<Vec<JoinHandle<std::io::Result<()>>>> = Mutex::new(Vec::new());

/// Waits for the syncs earlier calls left, and reports those that failed.
async fn collect_earlier_syncs() {
    let pending =
        std::mem::take(&mut *PENDING_SYNCS.lock().unwrap_or_else(PoisonError::into_inner));
    for handle in pending {
        match handle.await {
            Ok(Ok(())) => {}
            Ok(Err(err)) => eprintln!("an earlier part could not be synced to disk: {err}"),
            Err(err) => eprintln!("an earlier sync did not finish: {err}"),
        }
    }
}

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    collect_earlier_syncs().await;

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
    if flushed.is_ok() {
        // On the disk itself, not only in the page cache: in the background.
        let sync = tokio::spawn(async move { file.sync_all().await });
        PENDING_SYNCS
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(sync);
    }
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
