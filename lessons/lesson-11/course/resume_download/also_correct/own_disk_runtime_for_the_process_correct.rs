//! Correct: state that outlives every call and every caller's runtime, kept so that it changes no
//! outcome: the disk work (open, empty, write each piece) runs on the blocking pool of a small
//! runtime of this module's own, built at the first call and kept (leaked) for the life of the
//! process, with a plain `std::fs::File` (no buffer of its own: a written piece is in the OS). A
//! caller's runtime may be current-thread or multi-thread, dropped and replaced: the `JoinHandle`s
//! of the kept runtime are awaited from any of them, and it is never dropped inside one.

use std::fs::{File, OpenOptions};
use std::io::{ErrorKind, Write};
use std::path::Path;
use std::sync::{Mutex, PoisonError};

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::runtime::{Builder, Runtime};

/// The runtime whose blocking threads do this module's disk work, once built.
static DISK: Mutex<Option<&'static Runtime>> = Mutex::new(None);

/// The disk runtime: built at the first call (one worker, no drivers: only its blocking pool is
/// used), never dropped.
fn disk() -> std::io::Result<&'static Runtime> {
    let mut slot = DISK.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(runtime) = *slot {
        return Ok(runtime);
    }
    let runtime = Builder::new_multi_thread()
        .worker_threads(1)
        .thread_name("resume-download-disk")
        .build()?;
    let runtime: &'static Runtime = Box::leak(Box::new(runtime));
    *slot = Some(runtime);
    Ok(runtime)
}

/// Runs `work` on the disk runtime's blocking pool and waits for it without blocking the caller.
async fn on_disk<T, F>(work: F) -> std::io::Result<T>
where
    F: FnOnce() -> std::io::Result<T> + Send + 'static,
    T: Send + 'static,
{
    disk()?
        .spawn_blocking(work)
        .await
        .map_err(std::io::Error::other)?
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
    let appending = match response.status() {
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
            true
        }
        StatusCode::OK => false,
        status => return Err(ResumeError::Status(status)),
    };

    let path = part.to_path_buf();
    let mut file: File = on_disk(move || {
        if appending {
            OpenOptions::new().create(true).append(true).open(path)
        } else {
            File::create(path)
        }
    })
    .await?;
    let mut size = if appending { had } else { 0 };
    loop {
        match response.chunk().await {
            Ok(Some(piece)) => {
                let length = piece.len() as u64;
                file = on_disk(move || {
                    file.write_all(&piece)?;
                    file.flush()?;
                    Ok(file)
                })
                .await?;
                size += length;
            }
            Ok(None) => return Ok(size),
            // Each piece before the break was written (a `std::fs::File` keeps nothing back).
            Err(err) => return Err(ResumeError::Http(err)),
        }
    }
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
