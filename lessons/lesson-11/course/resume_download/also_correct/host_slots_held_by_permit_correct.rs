//! Correct: the fixed form of `host_slots_released_by_hand`: the same process-wide map from host name to a `tokio::sync::Semaphore` of six slots (state that outlives every call and every runtime: a semaphore belongs to none), but the slot is an `OwnedSemaphorePermit` held in a local for the whole call, so it goes back on every way out, an early `?`, a break, or the caller dropping the future, and six slots are more than any caller here runs side by side, so no call's outcome changes.

use std::collections::HashMap;
use std::io::ErrorKind;
use std::path::Path;
use std::sync::{Arc, LazyLock, Mutex, PoisonError};

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode, Url};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;
use tokio::sync::Semaphore;

/// How many downloads may run at once against one host, as browsers allow.
const PER_HOST: usize = 6;

/// One semaphore per host name, for the life of the process.
static SLOTS: LazyLock<Mutex<HashMap<String, Arc<Semaphore>>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

fn slots_for(url: &str) -> Arc<Semaphore> {
    let host = Url::parse(url)
        .ok()
        .and_then(|url| url.host_str().map(str::to_owned))
        .unwrap_or_default();
    // The std lock is held only here, never across an `.await`.
    let mut slots = SLOTS.lock().unwrap_or_else(PoisonError::into_inner);
    Arc::clone(
        slots
            .entry(host)
            .or_insert_with(|| Arc::new(Semaphore::new(PER_HOST))),
    )
}

/// Whether `text` is `bytes FIRST-LAST/SIZE` with FIRST equal to `asked`.
fn starts_at(text: &str, asked: u64) -> bool {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let Some((unit, rest)) = text.split_once(' ') else {
        return false;
    };
    let Some((span, size)) = rest.split_once('/') else {
        return false;
    };
    let Some((first, last)) = span.split_once('-') else {
        return false;
    };
    if !unit.eq_ignore_ascii_case("bytes") || !digits(first) || !digits(last) {
        return false;
    }
    let (Ok(first), Ok(last)) = (first.parse::<u64>(), last.parse::<u64>()) else {
        return false;
    };
    let size_ok = size == "*" || (digits(size) && size.parse::<u64>().is_ok_and(|s| last < s));
    first == asked && first <= last && size_ok
}

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let had = match tokio::fs::metadata(part).await {
        Ok(meta) => meta.len(),
        Err(err) if err.kind() == ErrorKind::NotFound => 0,
        Err(err) => return Err(ResumeError::File(err)),
    };

    // The slot lives in `_slot` until the function is left, however it is left. The semaphore
    // is never closed, so `acquire_owned` cannot fail; were it to, the call goes on unlimited.
    let _slot = slots_for(url).acquire_owned().await.ok();

    let mut request = client.get(url);
    if had > 0 {
        request = request.header(RANGE, format!("bytes={had}-"));
    }
    let mut response = request.send().await?;
    let (mut file, mut size) = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let text = response
                .headers()
                .get(CONTENT_RANGE)
                .map(|value| String::from_utf8_lossy(value.as_bytes()).into_owned())
                .unwrap_or_default();
            if !starts_at(&text, had) {
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range: text,
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
