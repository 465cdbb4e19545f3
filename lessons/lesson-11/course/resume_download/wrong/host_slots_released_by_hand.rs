//! Wrong: breaks "any other status (a 416, a 404, a 503, a 300 …): `Err(ResumeError::Status(status))`" (after six earlier failures to one host, a call never returns at all)
//! The learner keeps downloads polite the way browsers do, at most six at once to one host: a
//! process-wide map from host name to a `tokio::sync::Semaphore`. Coming from Python's
//! `await sem.acquire()` ... `sem.release()` (or Go's `sem <- struct{}{}` ... `<-sem`), they take
//! a slot with `acquire().await` + `forget()` and give it back by hand with `add_permits(1)` at
//! the end of the function. Every early return through `?` (a status error, a wrong range, a
//! failed connection, a file error) skips the hand-written release, so each failed call keeps a
//! slot for ever, and once six are lost every later call to that host waits without end.

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

    // Take a slot (acquire), as with asyncio's Semaphore; it is released at the end.
    let slots = slots_for(url);
    if let Ok(permit) = slots.acquire().await {
        permit.forget();
    }

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
    let flushed = file.flush().await;

    // Release the slot (release), for the next download to this host.
    slots.add_permits(1);

    flushed?;
    outcome
}
