//! Correct: the fixed form of `batches_writes_when_others_download`: the process still counts the
//! downloads in flight (a `static` `AtomicUsize`, taken back down by a guard on every way out) and
//! adapts to company, but only in how often it asks the OS to put the part on the disk: every piece
//! is written through the part's one handle as it arrives, alone or not, and with other downloads
//! running a `sync_data` follows every MiB ("so one download's dirty pages do not pile up behind
//! another's"). The count changes no byte, no request and no result.

use std::io::ErrorKind;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// Downloads in flight in this process.
static ACTIVE: AtomicUsize = AtomicUsize::new(0);

/// How much may be written, with company, between two `sync_data`.
const SYNC_EVERY: u64 = 1 << 20;

struct InFlight;

impl InFlight {
    fn enter() -> Self {
        ACTIVE.fetch_add(1, Ordering::SeqCst);
        InFlight
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        ACTIVE.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Where a body goes: after the part, or over an emptied one.
enum Goes {
    After(u64),
    Over,
}

/// `bytes FIRST-LAST/SIZE`'s FIRST, when the header has that form (SIZE a number or `*`).
fn first_byte(content_range: &str) -> Option<u64> {
    let digits = |text: &str| !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
    let (unit, rest) = content_range.split_once(' ')?;
    if unit != "bytes" {
        return None;
    }
    let (span, size) = rest.split_once('/')?;
    let (first, last) = span.split_once('-')?;
    if !digits(first) || !digits(last) || !(size == "*" || digits(size)) {
        return None;
    }
    let (first, last): (u64, u64) = (first.parse().ok()?, last.parse().ok()?);
    (first <= last).then_some(first)
}

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let _in_flight = InFlight::enter();

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

    let goes = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .map(|value| String::from_utf8_lossy(value.as_bytes()).into_owned())
                .unwrap_or_default();
            match first_byte(&content_range) {
                Some(first) if first == had => Goes::After(had),
                _ => {
                    return Err(ResumeError::WrongRange {
                        asked: had,
                        content_range,
                    });
                }
            }
        }
        StatusCode::OK => Goes::Over,
        status => return Err(ResumeError::Status(status)),
    };
    let (mut file, mut size) = match goes {
        Goes::After(from) => (
            OpenOptions::new()
                .create(true)
                .append(true)
                .open(part)
                .await?,
            from,
        ),
        Goes::Over => (File::create(part).await?, 0),
    };

    let mut since_sync = 0u64;
    let outcome = loop {
        match response.chunk().await {
            Ok(Some(piece)) => {
                if let Err(err) = file.write_all(&piece).await {
                    break Err(ResumeError::File(err));
                }
                size += piece.len() as u64;
                since_sync += piece.len() as u64;
                if since_sync >= SYNC_EVERY && ACTIVE.load(Ordering::SeqCst) > 1 {
                    since_sync = 0;
                    if let Err(err) = file.sync_data().await {
                        break Err(ResumeError::File(err));
                    }
                }
            }
            Ok(None) => break Ok(size),
            Err(err) => break Err(ResumeError::Http(err)),
        }
    };
    file.flush().await?;
    outcome
}
