//! Wrong: breaks "one GET of `url` through `client`" (a call after one made on a runtime that is
//! kept but not running waits for ever, and never asks)
//! The learner keeps a crawl delay per host, as polite crawlers do: requests to one host start at
//! least 100 ms apart. A process-wide map gives each host a `Semaphore` of one slot; a call takes the
//! slot before it sends, and, "so that the caller never waits for the gap", hands the permit to a
//! spawned task that sleeps 100 ms and drops it. That task runs on the caller's runtime: dropped
//! with it, it frees the slot; but a runtime kept and no longer driven (a current-thread one whose
//! `block_on` has returned) never wakes it, and the next call to that host waits for the slot for ever.

use std::collections::HashMap;
use std::io::ErrorKind;
use std::path::Path;
use std::sync::{Arc, LazyLock, Mutex, PoisonError};
use std::time::Duration;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// The least time between the starts of two requests to one host.
const CRAWL_DELAY: Duration = Duration::from_millis(100);

/// One slot per host, for the life of the process.
static HOSTS: LazyLock<Mutex<HashMap<String, Arc<Semaphore>>>> = LazyLock::new(Default::default);

/// Waits for the host's turn; `None` for an address without a host (the client will refuse it).
async fn host_turn(url: &str) -> Option<OwnedSemaphorePermit> {
    let host = reqwest::Url::parse(url).ok()?.host_str()?.to_owned();
    let slot = {
        let mut hosts = HOSTS.lock().unwrap_or_else(PoisonError::into_inner);
        Arc::clone(
            hosts
                .entry(host)
                .or_insert_with(|| Arc::new(Semaphore::new(1))),
        )
    };
    slot.acquire_owned().await.ok()
}

/// Gives the host's slot back once the delay has passed, without making the caller wait.
fn release_after_delay(turn: Option<OwnedSemaphorePermit>) {
    if let Some(permit) = turn {
        tokio::spawn(async move {
            tokio::time::sleep(CRAWL_DELAY).await;
            drop(permit);
        });
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
    let turn = host_turn(url).await;
    let sent = request.send().await;
    release_after_delay(turn);
    let mut response = sent?;

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
