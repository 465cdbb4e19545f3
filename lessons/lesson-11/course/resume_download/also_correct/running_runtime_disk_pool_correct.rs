//! Correct: the fixed form of `disk_pool_handle_from_first_call`: the part is still a plain `std::fs::File` written on tokio's blocking pool, one job per piece, but the pool is the one of the runtime running this call (`Handle::current()` looked up on every call, Python's `asyncio.get_running_loop()` rather than a module-level `get_event_loop()`); what the process keeps between calls is only a count of calls and of bytes written (two `static` atomics, which belong to no runtime), for one line on stderr, and it changes no outcome.

use std::fs::{File, OpenOptions};
use std::io::{ErrorKind, Write};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, HeaderValue, RANGE};
use reqwest::{Client, StatusCode};
use tokio::runtime::Handle;

/// How many calls this process made, and how many bytes they wrote in all: for the log only.
static CALLS: AtomicU64 = AtomicU64::new(0);
static BYTES_WRITTEN: AtomicU64 = AtomicU64::new(0);

/// Runs blocking disk work on the blocking pool of the runtime this call runs on.
async fn on_disk<T, F>(disk: &Handle, work: F) -> std::io::Result<T>
where
    F: FnOnce() -> std::io::Result<T> + Send + 'static,
    T: Send + 'static,
{
    disk.spawn_blocking(work)
        .await
        .map_err(std::io::Error::from)?
}

/// A number made of ASCII digits only.
fn number(text: &str) -> Option<u64> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// Whether `bytes FIRST-LAST/SIZE` starts at `n` (SIZE a number or `*`).
fn starts_at(text: &str, n: u64) -> bool {
    let Some((unit, rest)) = text.split_once(' ') else {
        return false;
    };
    if !unit.eq_ignore_ascii_case("bytes") {
        return false;
    }
    let Some((span, size)) = rest.split_once('/') else {
        return false;
    };
    let Some((first, last)) = span.split_once('-') else {
        return false;
    };
    let (Some(first), Some(last)) = (number(first), number(last)) else {
        return false;
    };
    if first != n || last < first {
        return false;
    }
    size == "*" || number(size).is_some_and(|size| last < size)
}

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let call = CALLS.fetch_add(1, Ordering::Relaxed) + 1;
    // This call's runtime, whichever it is: never one kept from an earlier call.
    let disk = Handle::current();

    let path = part.to_path_buf();
    let had = on_disk(&disk, move || match std::fs::metadata(&path) {
        Ok(metadata) => Ok(metadata.len()),
        Err(err) if err.kind() == ErrorKind::NotFound => Ok(0),
        Err(err) => Err(err),
    })
    .await?;

    let mut request = client.get(url);
    if had > 0 {
        request = request.header(RANGE, format!("bytes={had}-"));
    }
    let mut response = request.send().await?;

    let (append, mut size) = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let value = response.headers().get(CONTENT_RANGE);
            let good = value
                .and_then(|value| value.to_str().ok())
                .is_some_and(|text| starts_at(text, had));
            if !good {
                let content_range = value
                    .map(HeaderValue::as_bytes)
                    .map(String::from_utf8_lossy)
                    .unwrap_or_default()
                    .into_owned();
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range,
                });
            }
            (true, had)
        }
        StatusCode::OK => (false, 0),
        status => return Err(ResumeError::Status(status)),
    };

    let path = part.to_path_buf();
    let mut file = on_disk(&disk, move || {
        if append {
            OpenOptions::new().create(true).append(true).open(&path)
        } else {
            File::create(&path)
        }
    })
    .await?;

    let outcome = loop {
        match response.chunk().await {
            Ok(Some(piece)) => {
                let len = piece.len() as u64;
                file = on_disk(&disk, move || {
                    file.write_all(&piece)?;
                    Ok(file)
                })
                .await?;
                size += len;
                BYTES_WRITTEN.fetch_add(len, Ordering::Relaxed);
            }
            Ok(None) => break Ok(size),
            Err(err) => break Err(ResumeError::Http(err)),
        }
    };
    on_disk(&disk, move || file.flush()).await?;
    eprintln!(
        "resume #{call}: part at {size} bytes ({} written by this process so far)",
        BYTES_WRITTEN.load(Ordering::Relaxed)
    );
    outcome
}
