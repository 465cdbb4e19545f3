//! Correct: the fixed form of `reads_size_before_waiting_its_turn`: calls on one part still take
//! turns through state kept between calls (a `static` map from each part's path to an
//! `Arc<tokio::sync::Semaphore>` of one permit, held as an `OwnedSemaphorePermit`, the entry removed
//! by a guard when no other call holds or waits for it), but the turn is taken first and the
//! part's size read inside it, so a call that waited asks for `bytes=N-` with the N the part has
//! once its turn comes. A size that cannot be read is still an error before any request.

use std::collections::HashMap;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock, Mutex, PoisonError};

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

static TURNS: LazyLock<Mutex<HashMap<PathBuf, Arc<Semaphore>>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

/// This call's turn on one part; dropping it lets the next call in, and forgets the part when no
/// other call holds or waits for it.
struct Turn {
    permit: Option<OwnedSemaphorePermit>,
    semaphore: Arc<Semaphore>,
    part: PathBuf,
}

impl Drop for Turn {
    fn drop(&mut self) {
        self.permit.take();
        let mut turns = TURNS.lock().unwrap_or_else(PoisonError::into_inner);
        // The map's handle and ours: nobody else holds or waits for this part.
        if Arc::strong_count(&self.semaphore) == 2 {
            turns.remove(&self.part);
        }
    }
}

async fn take_turn(part: &Path) -> Turn {
    let semaphore = {
        let mut turns = TURNS.lock().unwrap_or_else(PoisonError::into_inner);
        turns
            .entry(part.to_path_buf())
            .or_insert_with(|| Arc::new(Semaphore::new(1)))
            .clone()
    };
    let mut turn = Turn {
        permit: None,
        semaphore,
        part: part.to_path_buf(),
    };
    // The semaphore is never closed, so this is always a permit.
    turn.permit = turn.semaphore.clone().acquire_owned().await.ok();
    turn
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
    // The turn first: the size is only worth reading once no other call is growing the part.
    let _turn = take_turn(part).await;

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
