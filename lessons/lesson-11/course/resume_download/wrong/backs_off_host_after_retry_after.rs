//! Wrong: breaks "one GET of `url` through `client`" (and "any other status …: `Err(ResumeError::Status(status))`", the status of this call's answer)
//! The learner honours `Retry-After` the way a polite crawler does, across calls: when a server answers `503` or
//! `429` with `Retry-After: S`, its host name is remembered in a process-wide map with the moment it may be asked
//! again, and every call to that host before then returns the remembered status at once, without a request
//! ("asking again before then only earns the same answer, and hammers a server that is already struggling").
//! So for S seconds after one such answer, every download from that host (any port, any path) sends nothing
//! and reports a status the server never gave it.

use std::collections::HashMap;
use std::io::ErrorKind;
use std::path::Path;
use std::sync::{LazyLock, Mutex, PoisonError};
use std::time::{Duration, Instant};

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE, RETRY_AFTER};
use reqwest::{Client, Response, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// Per host: until when the server asked to be left alone, and what it said then.
static BUSY_UNTIL: LazyLock<Mutex<HashMap<String, (Instant, StatusCode)>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

/// The host name of `url`, when it parses.
fn host_of(url: &str) -> Option<String> {
    reqwest::Url::parse(url)
        .ok()
        .and_then(|url| url.host_str().map(str::to_owned))
}

/// What the server said about coming back later, as a wait of at most five minutes.
fn retry_after(response: &Response) -> Option<Duration> {
    let seconds: u64 = response
        .headers()
        .get(RETRY_AFTER)?
        .to_str()
        .ok()?
        .trim()
        .parse()
        .ok()?;
    (seconds > 0).then(|| Duration::from_secs(seconds.min(300)))
}

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let had = part_size(part).await?;

    // The server asked us to wait: honour it rather than hammer it.
    let host = host_of(url);
    if let Some(host) = &host {
        let mut busy = BUSY_UNTIL.lock().unwrap_or_else(PoisonError::into_inner);
        let remembered = busy.get(host).copied();
        match remembered {
            Some((until, status)) if Instant::now() < until => {
                return Err(ResumeError::Status(status));
            }
            Some(_) => {
                busy.remove(host);
            }
            None => {}
        }
    }

    let mut request = client.get(url);
    if had > 0 {
        request = request.header(RANGE, format!("bytes={had}-"));
    }
    let mut response = request.send().await?;

    let status = response.status();
    if (status == StatusCode::SERVICE_UNAVAILABLE || status == StatusCode::TOO_MANY_REQUESTS)
        && let (Some(host), Some(wait)) = (host, retry_after(&response))
    {
        BUSY_UNTIL
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(host, (Instant::now() + wait, status));
    }

    let (mut file, start) = open_for(&response, had, part).await?;
    write_body(&mut response, &mut file, start).await
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

/// Copies the body into `file` piece by piece, and flushes on every way out.
async fn write_body(
    response: &mut Response,
    file: &mut File,
    mut size: u64,
) -> Result<u64, ResumeError> {
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
