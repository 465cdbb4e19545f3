//! Wrong: breaks "one GET of `url` through `client`" (and "`Ok(size)`") for a call made while four other downloads of the process are still running
//! Load shedding: a process-wide counter of downloads in flight (an `AtomicUsize`, with a guard
//! that gives the slot back however the call ends, so nothing leaks on an error, a panic or a
//! runtime dropped mid-call), and a fifth download at once is refused straight away rather than
//! queued, so a burst can't starve the disk and the network; the caller can try again later.
//! Fail-fast admission control is a staple of server code, and one or two downloads side by side
//! are never affected. But the contract has no limit on calls side by side: the fifth call sends
//! no request and reports an error for a download that would have succeeded.

use std::io::ErrorKind;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::OpenOptions;
use tokio::io::AsyncWriteExt;

/// How many downloads the process runs at once.
const MAX_IN_FLIGHT: usize = 4;

/// Downloads running now, in the whole process.
static IN_FLIGHT: AtomicUsize = AtomicUsize::new(0);

/// A slot among the [`MAX_IN_FLIGHT`], given back when dropped.
struct Slot;

impl Slot {
    fn take() -> Option<Self> {
        IN_FLIGHT
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |running| {
                (running < MAX_IN_FLIGHT).then_some(running + 1)
            })
            .ok()
            .map(|_| Slot)
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        IN_FLIGHT.fetch_sub(1, Ordering::AcqRel);
    }
}

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let Some(_slot) = Slot::take() else {
        return Err(ResumeError::File(std::io::Error::new(
            ErrorKind::WouldBlock,
            format!("{MAX_IN_FLIGHT} downloads are already running: try again later"),
        )));
    };
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
