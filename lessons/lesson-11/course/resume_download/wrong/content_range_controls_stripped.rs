//! Wrong: breaks "`Err(ResumeError::WrongRange { asked: N, content_range })` (the header's text, or `""`)"
//! Log hygiene: the learner never puts server-chosen text into a message without removing the
//! control characters first (log injection, terminal escapes), so the `Content-Range` kept in
//! `WrongRange` is the header's text with every control character filtered out. The only one an
//! HTTP header value can hold is the tab, so a `206` whose `Content-Range` has a tab
//! (`bytes<TAB>5003-70000/70001`, refused as not the RFC's form) is reported as
//! `bytes5003-70000/70001`, not as the header's text.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, HeaderValue, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

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

    let (mut file, mut size) = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = header_text(response.headers().get(CONTENT_RANGE));
            if had == 0 || first_byte(&content_range) != Some(had) {
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range: printable(&content_range),
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

/// Server-chosen text made safe for a log line: no control characters.
fn printable(text: &str) -> String {
    text.chars().filter(|c| !c.is_control()).collect()
}

/// The header's text, or `""` without one (decoded as best one can when it is not text).
fn header_text(value: Option<&HeaderValue>) -> String {
    match value {
        None => String::new(),
        Some(value) => match value.to_str() {
            Ok(text) => text.to_owned(),
            Err(_) => String::from_utf8_lossy(value.as_bytes()).into_owned(),
        },
    }
}

/// FIRST of `bytes FIRST-LAST/SIZE` (SIZE a number or `*`), when the header has that form.
fn first_byte(text: &str) -> Option<u64> {
    let (range, total) = text.strip_prefix("bytes ")?.split_once('/')?;
    let (first, last) = range.split_once('-')?;
    let first = digits(first)?;
    let last = digits(last)?;
    let fits = match total {
        "*" => true,
        total => last < digits(total)?,
    };
    (first <= last && fits).then_some(first)
}

/// A run of ASCII digits as a number; `None` for anything else (a sign, a space, nothing).
fn digits(text: &str) -> Option<u64> {
    if text.is_empty() || !text.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}
