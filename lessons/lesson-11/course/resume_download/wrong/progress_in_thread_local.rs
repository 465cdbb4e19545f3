//! Wrong: breaks "`Ok(size)`: the size of `part` once the body is all in", when two downloads run side by side on one thread (a current-thread runtime, or two calls joined in one task).
//! The learner keeps lesson 11's running count ("bytes of the part so far") where a status line could read it without threading a `&mut u64` through the helpers, and knew a `static` would mix two downloads; so they used a `thread_local!` cell, the habit of Python's `threading.local()` in a thread-pool downloader, where each download has a thread of its own.
//! Async tasks are not threads: two downloads polled on the same thread share the cell, the second one's start resets it and each adds its pieces to the other's count, so each returns a size that is not its part's (alone, and in any single test, it is right).

use std::cell::Cell;
use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, HeaderValue, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

thread_local! {
    /// Bytes of the part being downloaded on this thread, for a progress line.
    static RECEIVED: Cell<u64> = const { Cell::new(0) };
}

fn progress_start(from: u64) {
    RECEIVED.with(|received| received.set(from));
}

fn progress_add(bytes: u64) {
    RECEIVED.with(|received| received.set(received.get() + bytes));
}

fn progress_now() -> u64 {
    RECEIVED.with(Cell::get)
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

    let mut file = match response.status() {
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
            progress_start(had);
            OpenOptions::new()
                .create(true)
                .append(true)
                .open(part)
                .await?
        }
        StatusCode::OK => {
            progress_start(0);
            File::create(part).await?
        }
        status => return Err(ResumeError::Status(status)),
    };

    let outcome = loop {
        match response.chunk().await {
            Ok(Some(piece)) => {
                if let Err(err) = file.write_all(&piece).await {
                    break Err(ResumeError::File(err));
                }
                progress_add(piece.len() as u64);
            }
            Ok(None) => break Ok(progress_now()),
            Err(err) => break Err(ResumeError::Http(err)),
        }
    };
    file.flush().await?;
    outcome
}
