//! Correct: the fixed form of `stop_signal_kept_from_first_runtime`: one Ctrl-C listener for the process, its
//! `watch` receiver kept in a `static`, and every piece raced against it; but the arm is `Ok(()) = stop.changed()`,
//! so a channel whose listener died with an earlier runtime disables that arm (for that piece) instead of stopping
//! the download. Without a Ctrl-C, no call's outcome depends on which runtime started the listener.

use std::io::ErrorKind;
use std::path::Path;
use std::sync::OnceLock;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, Response, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;
use tokio::sync::watch;

/// Turns `true` on Ctrl-C; one listener for the whole process.
static STOP: OnceLock<watch::Receiver<bool>> = OnceLock::new();

/// A receiver of the process's Ctrl-C. The listener runs on the runtime of the first call; once that
/// runtime is gone the channel is closed, which only means that Ctrl-C no longer stops a download.
fn stop_signal() -> watch::Receiver<bool> {
    STOP.get_or_init(|| {
        let (tx, rx) = watch::channel(false);
        tokio::spawn(async move {
            if tokio::signal::ctrl_c().await.is_ok() {
                let _ = tx.send(true);
            }
        });
        rx
    })
    .clone()
}

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let had = part_size(part).await?;
    let mut stop = stop_signal();

    let mut request = client.get(url);
    if had > 0 {
        request = request.header(RANGE, format!("bytes={had}-"));
    }
    let mut response = request.send().await?;
    let (mut file, mut size) = open_for(&response, had, part).await?;

    let outcome = loop {
        // The next piece, or a real Ctrl-C between two pieces; a closed channel is no stop.
        let piece = tokio::select! {
            biased;
            Ok(()) = stop.changed() => None,
            piece = response.chunk() => Some(piece),
        };
        match piece {
            None => {
                break Err(ResumeError::File(std::io::Error::new(
                    ErrorKind::Interrupted,
                    "stopped by Ctrl-C; the part keeps what arrived",
                )));
            }
            Some(Ok(Some(bytes))) => {
                if let Err(err) = file.write_all(&bytes).await {
                    break Err(ResumeError::File(err));
                }
                size += bytes.len() as u64;
            }
            Some(Ok(None)) => break Ok(size),
            Some(Err(err)) => break Err(ResumeError::Http(err)),
        }
    };
    let flushed = file.flush().await;
    let size = outcome?;
    flushed?;
    Ok(size)
}

/// The part's size now: 0 when it does not exist; any other failure is a file error.
async fn part_size(part: &Path) -> Result<u64, ResumeError> {
    match tokio::fs::metadata(part).await {
        Ok(metadata) => Ok(metadata.len()),
        Err(err) if err.kind() == ErrorKind::NotFound => Ok(0),
        Err(err) => Err(ResumeError::File(err)),
    }
}

/// The `Content-Range` as text for the error, or `""` when there is none.
fn content_range_text(response: &Response) -> String {
    response
        .headers()
        .get(CONTENT_RANGE)
        .map(|value| String::from_utf8_lossy(value.as_bytes()).into_owned())
        .unwrap_or_default()
}

/// FIRST of `bytes FIRST-LAST/SIZE` (SIZE a number or `*`), or `None` for any other form.
fn first_byte(text: &str) -> Option<u64> {
    let rest = text.strip_prefix("bytes ")?;
    let (span, size) = rest.split_once('/')?;
    let (first, last) = span.split_once('-')?;
    let (first, last) = (digits(first)?, digits(last)?);
    if last < first {
        return None;
    }
    if size != "*" && digits(size).is_none_or(|size| last >= size) {
        return None;
    }
    Some(first)
}

/// A run of ASCII digits as a number.
fn digits(text: &str) -> Option<u64> {
    if text.is_empty() || !text.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// Judges the answer before the part is touched: the open part and where its body starts.
async fn open_for(response: &Response, had: u64, part: &Path) -> Result<(File, u64), ResumeError> {
    match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = content_range_text(response);
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
            Ok((file, had))
        }
        StatusCode::OK => Ok((File::create(part).await?, 0)),
        status => Err(ResumeError::Status(status)),
    }
}
