//! Wrong: breaks "- no panic." (and with it "`Ok(size)`: the size of `part` once the body is all in")
//! The learner wanted a polite downloader: a program that resumes many files should not fire its
//! requests back to back, and tokio's docs show `tokio::time::interval` as the way to pace work.
//! So one `Interval` for the whole process is kept in a `static` (behind a `tokio::sync::Mutex`,
//! created on the first call) and every call waits for its tick before sending. It works for any
//! number of calls on one runtime; but the interval's timer belongs to the runtime that first
//! polled it, and a call on a later runtime (the first one dropped) panics with "A Tokio 1.x
//! context was found, but it is being shutdown".

use std::io::ErrorKind;
use std::path::Path;
use std::time::Duration;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;
use tokio::sync::Mutex;
use tokio::time::{Interval, MissedTickBehavior};

/// The least time between two requests of this process.
const GAP: Duration = Duration::from_millis(20);

/// The process's pace: made on the first call, ticked by every call.
static PACE: Mutex<Option<Interval>> = Mutex::const_new(None);

/// Waits until this process may send its next request (the first tick is at once).
async fn wait_for_turn() {
    let mut pace = PACE.lock().await;
    let interval = pace.get_or_insert_with(|| {
        let mut interval = tokio::time::interval(GAP);
        interval.set_missed_tick_behavior(MissedTickBehavior::Delay);
        interval
    });
    interval.tick().await;
}

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let had = match tokio::fs::metadata(part).await {
        Ok(metadata) => metadata.len(),
        Err(err) if err.kind() == ErrorKind::NotFound => 0,
        Err(err) => return Err(ResumeError::File(err)),
    };

    wait_for_turn().await;
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
                .and_then(|value| value.to_str().ok())
                .unwrap_or_default()
                .to_owned();
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
                size += piece.len() as u64;
            }
            Ok(None) => break Ok(size),
            Err(err) => break Err(ResumeError::Http(err)),
        }
    };
    let flushed = file.flush().await;
    let size = outcome?;
    flushed?;
    Ok(size)
}

/// FIRST of `bytes FIRST-LAST/SIZE` (SIZE a number or `*`), or `None` for any other form.
fn first_byte(text: &str) -> Option<u64> {
    let (unit, rest) = text.trim().split_once(' ')?;
    if !unit.eq_ignore_ascii_case("bytes") {
        return None;
    }
    let (range, total) = rest.split_once('/')?;
    let (first, last) = range.split_once('-')?;
    let (first, last) = (number(first)?, number(last)?);
    let total = match total {
        "*" => None,
        total => Some(number(total)?),
    };
    (first <= last && total.is_none_or(|total| last < total)).then_some(first)
}

/// A run of ASCII digits as a number.
fn number(text: &str) -> Option<u64> {
    if text.is_empty() || !text.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}
