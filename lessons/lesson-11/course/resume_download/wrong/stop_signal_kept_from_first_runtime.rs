//! Wrong: breaks "`Ok(size)`: the size of `part` once the body is all in" (a download that nothing stopped is given up)
//! The learner wanted lesson 11's Ctrl-C stop (at a piece boundary, with what arrived flushed) without a `cancel`
//! parameter, so the process listens once: the first call spawns a task that waits for `ctrl_c()` and sends on a
//! `watch` channel kept in a `static`, and every download races its next piece against `stop.changed()`.
//! The arm is written `_ = stop.changed()`, so it also fires when the channel closes: once the runtime of the
//! first call is dropped, its listener task (and the sender it owns) goes with it, and from then on every call,
//! on any later runtime, "stops" before its first piece and returns an error with the part emptied or unchanged.

use std::io::ErrorKind;
use std::path::Path;
use std::sync::OnceLock;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, Response, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;
use tokio::sync::watch;

/// Turns `true` on Ctrl-C; one listener for the whole process (a signal is process-wide anyway).
static STOP: OnceLock<watch::Receiver<bool>> = OnceLock::new();

/// A receiver of the process's Ctrl-C, the listener started by the first call.
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
        // The next piece, or Ctrl-C between two pieces (checked first, as lesson 11 does).
        let piece = tokio::select! {
            biased;
            _ = stop.changed() => None,
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
