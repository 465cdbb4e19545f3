//! Correct: state shared by every call, kept so that it changes no call's outcome: a `static`
//! `tokio::sync::Semaphore` lets at most four downloads run at once (a `const_new` semaphore
//! belongs to no runtime, and a permit goes back when its call ends or is dropped), and two
//! `static` atomics keep statistics (downloads in progress, bytes written by all of them, the
//! first undone by a drop guard). The answer itself is counted in the call's own local, never
//! read back from the shared counters, so calls side by side cannot disturb each other's size.

use std::io::ErrorKind;
use std::path::Path;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;
use tokio::sync::Semaphore;

/// At most this many downloads at once, whatever the runtime.
static AT_ONCE: Semaphore = Semaphore::const_new(4);

/// Downloads in progress right now.
static IN_PROGRESS: AtomicUsize = AtomicUsize::new(0);

/// Bytes written by every download so far.
static WRITTEN: AtomicU64 = AtomicU64::new(0);

/// The statistics: downloads in progress, and bytes written by all of them so far (for a status
/// line, which this exercise does not draw).
#[allow(dead_code)]
pub fn statistics() -> (usize, u64) {
    (
        IN_PROGRESS.load(Ordering::Relaxed),
        WRITTEN.load(Ordering::Relaxed),
    )
}

/// Counts one download in progress for as long as it lives, even when dropped half-way.
struct InProgress;

impl InProgress {
    fn start() -> Self {
        IN_PROGRESS.fetch_add(1, Ordering::Relaxed);
        Self
    }
}

impl Drop for InProgress {
    fn drop(&mut self) {
        IN_PROGRESS.fetch_sub(1, Ordering::Relaxed);
    }
}

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    // The semaphore is never closed, so `acquire` cannot fail; were it closed, go without one.
    let _permit = AT_ONCE.acquire().await.ok();
    let _in_progress = InProgress::start();

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
                let length = piece.len() as u64;
                size += length;
                WRITTEN.fetch_add(length, Ordering::Relaxed);
            }
            Ok(None) => break Ok(size),
            Err(err) => break Err(ResumeError::Http(err)),
        }
    };
    file.flush().await?;
    outcome
}

/// FIRST of `bytes FIRST-LAST/SIZE` (SIZE a number or `*`), when the header has that form.
fn first_byte(content_range: &str) -> Option<u64> {
    let (unit, rest) = content_range.split_once(' ')?;
    if !unit.eq_ignore_ascii_case("bytes") {
        return None;
    }
    let (span, total) = rest.split_once('/')?;
    let (first, last) = span.split_once('-')?;
    let (first, last) = (number(first)?, number(last)?);
    if total != "*" {
        number(total)?;
    }
    (first <= last).then_some(first)
}

fn number(text: &str) -> Option<u64> {
    if text.is_empty() || !text.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}
