//! Wrong: breaks "with `Range: bytes=N-` when N is over 0, and no `Range` when N is 0"
//! The learner rebuilt Python's `requests.Session` (whose `session.headers.update({"Range": ...})` is how many
//! resume snippets ask for the rest): reqwest's `Client` cannot change its default headers once built, so the
//! headers every download sends live in a process-wide `HeaderMap`, and a resume updates its `Range` there
//! before the request is built from a copy. Nothing ever takes the `Range` out again: the first call that
//! resumes leaves it in the map, and every later call with no part (N = 0) asks for that old range instead of
//! the whole file. Each call alone, in a fresh process, is right.

use std::io::ErrorKind;
use std::path::Path;
use std::sync::{LazyLock, Mutex, PoisonError};

use lesson_11::ResumeError;
use reqwest::header::{ACCEPT_ENCODING, CONTENT_RANGE, HeaderMap, HeaderValue, RANGE};
use reqwest::{Client, Response, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// The headers of every download of this process, like a `requests.Session`'s.
static SESSION_HEADERS: LazyLock<Mutex<HeaderMap>> = LazyLock::new(|| {
    let mut headers = HeaderMap::new();
    // Byte offsets are offsets of the file itself, never of a compressed copy of it.
    headers.insert(ACCEPT_ENCODING, HeaderValue::from_static("identity"));
    Mutex::new(headers)
});

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let had = part_size(part).await?;

    let headers = {
        let mut session = SESSION_HEADERS
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if had > 0
            && let Ok(range) = HeaderValue::from_str(&format!("bytes={had}-"))
        {
            session.insert(RANGE, range);
        }
        session.clone()
    };
    let mut response = client.get(url).headers(headers).send().await?;

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
