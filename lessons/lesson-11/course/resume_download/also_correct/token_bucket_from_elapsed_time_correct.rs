//! Correct: the fixed form of `token_bucket_refilled_by_first_task`: the process still keeps one
//! token bucket for all its requests (bursts of 20, then 50 a second), but the `static` holds only
//! plain numbers, the tokens left and when they were counted, under a `std::sync::Mutex` never held
//! across an `.await`. Each call refills the bucket from the time elapsed, takes its token (the count
//! may go below zero: a reservation), and sleeps on its own runtime for as long as its token needs to
//! come. No task, timer or permit belongs to an earlier caller's runtime, so nothing dies with one.

use std::io::ErrorKind;
use std::path::Path;
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// The most requests the process may send in a burst.
const BURST: f64 = 20.0;
/// Tokens that come back each second.
const PER_SECOND: f64 = 50.0;

struct Bucket {
    tokens: f64,
    counted_at: Option<Instant>,
}

static BUCKET: Mutex<Bucket> = Mutex::new(Bucket {
    tokens: BURST,
    counted_at: None,
});

/// Takes a token of the process's bucket, and says how long to wait until it is really there.
fn reserve_token() -> Duration {
    let mut bucket = BUCKET.lock().unwrap_or_else(PoisonError::into_inner);
    let now = Instant::now();
    if let Some(then) = bucket.counted_at {
        let refilled = now.duration_since(then).as_secs_f64() * PER_SECOND;
        bucket.tokens = (bucket.tokens + refilled).min(BURST);
    }
    bucket.counted_at = Some(now);
    bucket.tokens -= 1.0;
    if bucket.tokens >= 0.0 {
        Duration::ZERO
    } else {
        Duration::from_secs_f64(-bucket.tokens / PER_SECOND)
    }
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
    let wait = reserve_token();
    if !wait.is_zero() {
        tokio::time::sleep(wait).await;
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
                size += piece.len() as u64;
            }
            Ok(None) => break Ok(size),
            Err(err) => break Err(ResumeError::Http(err)),
        }
    };
    file.flush().await?;
    outcome
}

/// FIRST of `bytes FIRST-LAST/SIZE`, when it is a plain number.
fn first_byte(content_range: &str) -> Option<u64> {
    let (first, _) = content_range.strip_prefix("bytes ")?.split_once('-')?;
    if first.is_empty() || !first.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    first.parse().ok()
}
