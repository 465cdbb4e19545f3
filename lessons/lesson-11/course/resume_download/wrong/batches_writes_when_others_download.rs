//! Wrong: breaks "the body is written to `part` piece by piece as it arrives (`response.chunk()`), never held whole in memory: while a large body is on its way, `part` grows"
//! The learner counts the downloads in flight in a process-wide `AtomicUsize` (a guard takes the
//! count back down on every way out) and adapts: alone, each piece is written as it comes; with
//! company, pieces are gathered into 1 MiB blocks, "so the disk does not seek back and forth
//! between files", as HDD-era download managers do. Every block is written and flushed at the end
//! and at a break, so a download alone is right; but beside another one, a part stays as it was
//! while up to 1 MiB of its body waits in memory.

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

/// Blocks written at once when several downloads share the disk.
const BLOCK: usize = 1 << 20;

/// Counts this call among the downloads in flight, until it is dropped.
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

fn others_downloading() -> bool {
    ACTIVE.load(Ordering::SeqCst) > 1
}

/// Whether `bytes FIRST-LAST/SIZE` starts at byte `n`.
fn starts_at(content_range: &str, n: u64) -> bool {
    let digits = |text: &str| !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
    let Some(rest) = content_range.strip_prefix("bytes ") else {
        return false;
    };
    let Some((span, size)) = rest.split_once('/') else {
        return false;
    };
    let Some((first, last)) = span.split_once('-') else {
        return false;
    };
    if !digits(first) || !digits(last) || !(size == "*" || digits(size)) {
        return false;
    }
    match (first.parse::<u64>(), last.parse::<u64>()) {
        (Ok(first), Ok(last)) => first == n && first <= last,
        _ => false,
    }
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

    let (mut file, mut size) = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .map(|value| String::from_utf8_lossy(value.as_bytes()).into_owned())
                .unwrap_or_default();
            if !starts_at(&content_range, had) {
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

    let mut block: Vec<u8> = Vec::new();
    let outcome = loop {
        match response.chunk().await {
            Ok(Some(piece)) => {
                size += piece.len() as u64;
                let written = if others_downloading() {
                    // Company on the disk: gather, write a whole block at a time.
                    block.extend_from_slice(&piece);
                    if block.len() >= BLOCK {
                        let result = file.write_all(&block).await;
                        block.clear();
                        result
                    } else {
                        Ok(())
                    }
                } else {
                    // Alone: what was gathered first, then this piece, at once.
                    let mut result = Ok(());
                    if !block.is_empty() {
                        result = file.write_all(&block).await;
                        block.clear();
                    }
                    match result {
                        Ok(()) => file.write_all(&piece).await,
                        err => err,
                    }
                };
                if let Err(err) = written {
                    break Err(ResumeError::File(err));
                }
            }
            Ok(None) => break Ok(size),
            Err(err) => break Err(ResumeError::Http(err)),
        }
    };
    // Whatever was gathered goes to the part on every way out.
    if !block.is_empty() {
        file.write_all(&block).await?;
    }
    file.flush().await?;
    outcome
}
