//! Wrong: breaks "with `Range: bytes=N-` when N is over 0"
//! The learner remembers, for the life of the process, the size each address told it (the SIZE of a `206`'s
//! `Content-Range`, or a `200`'s `Content-Length`), and uses it to ask for exactly what is missing, a closed
//! range `bytes=N-(SIZE-1)`, "as `curl -r N-M` does: the exact slice, which CDNs cache better than an open one".
//! The first call to an address asks `bytes=N-` as it should; any later call to it (the call after a break,
//! a part put back shorter) asks for a closed range, which the contract does not allow, and a server whose
//! file grew meanwhile is never asked for its new tail.

use std::collections::HashMap;
use std::io::ErrorKind;
use std::path::Path;
use std::sync::{LazyLock, Mutex, PoisonError};

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, Response, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// The file's size at each address, as the server last stated it.
static KNOWN_SIZES: LazyLock<Mutex<HashMap<String, u64>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

/// The size an answer states: a `206`'s SIZE (when not `*`), a `200`'s `Content-Length`.
fn stated_size(response: &Response) -> Option<u64> {
    match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let text = content_range_text(response);
            let (_, size) = text.rsplit_once('/')?;
            digits(size)
        }
        StatusCode::OK => response.content_length(),
        _ => None,
    }
}

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let had = part_size(part).await?;
    let known = KNOWN_SIZES
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .get(url)
        .copied();

    let mut request = client.get(url);
    if had > 0 {
        let range = match known {
            // The exact slice still missing.
            Some(size) if had < size => format!("bytes={had}-{}", size - 1),
            _ => format!("bytes={had}-"),
        };
        request = request.header(RANGE, range);
    }
    let mut response = request.send().await?;

    if let Some(size) = stated_size(&response) {
        KNOWN_SIZES
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(url.to_owned(), size);
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
