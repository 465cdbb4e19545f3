//! Wrong: breaks "one GET of `url` through `client`" for two calls at once on the same part (no part, `/files/7000`, both started together with `tokio::join!`, the server sending its `200` after 300 ms; or a part of 5,003 bytes): the second waits for the first, sends no request, and returns the first one's `Ok(7000)`.
//! What it does: a process-wide table gives each part a `tokio::sync::Mutex` holding the size
//! the last download into it reached. A call that finds the part busy waits its turn; if the
//! download it waited for completed, it returns that size at once ("single flight": the file is
//! already whole, asking again is a wasted round trip), and otherwise downloads as usual.
//! Why an engineer writes it: two writers on one part would interleave their bytes, so calls
//! must take turns, and collapsing duplicate work is the usual next step. But the contract
//! asks every call for its own GET (the second may well be asked for another `url`, or the
//! file may have changed on the server meanwhile), and nothing allows answering from another
//! call's result.
//! A call alone on its part, the common case, behaves as the reference.

use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::OpenOptions;
use tokio::io::AsyncWriteExt;

/// For each part a download was made into: the size its last download reached, if it succeeded.
type Slot = Arc<tokio::sync::Mutex<Option<u64>>>;

static PARTS: Mutex<Vec<(PathBuf, Slot)>> = Mutex::new(Vec::new());

/// The slot of `part`, made on first use.
fn slot_of(part: &Path) -> Slot {
    let mut parts = PARTS.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some((_, slot)) = parts.iter().find(|(path, _)| path.as_path() == part) {
        return Arc::clone(slot);
    }
    let slot = Slot::default();
    parts.push((part.to_path_buf(), Arc::clone(&slot)));
    slot
}

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let slot = slot_of(part);
    let mut last = match slot.try_lock() {
        Ok(free) => free,
        Err(_) => {
            // Another call is downloading into this part: wait for it, and use its work.
            let waited = slot.lock().await;
            if let Some(size) = *waited {
                return Ok(size);
            }
            waited
        }
    };
    *last = None;
    let outcome = download(client, url, part).await;
    *last = outcome.as_ref().ok().copied();
    outcome
}

/// The download itself, as the reference does it.
async fn download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let had = match tokio::fs::metadata(part).await {
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
                .open(part)
                .await?
        }
        StatusCode::OK => tokio::fs::File::create(part).await?,
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

/// The first byte of `bytes FIRST-LAST/SIZE`.
fn first_byte(content_range: &str) -> Option<u64> {
    let range = content_range.strip_prefix("bytes ")?;
    let (first, _) = range.split_once('-')?;
    first.parse().ok()
}
