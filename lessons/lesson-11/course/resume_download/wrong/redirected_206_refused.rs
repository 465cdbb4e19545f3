//! Wrong: breaks "`206 Partial Content` whose `Content-Range` starts at byte N ...: its body is appended to `part`"
//! The learner knows download sites that redirect every request to a mirror (SourceForge's
//! `/download` links), and mirrors are not always in step: "the rest from another copy than the
//! part's first bytes came from would splice two files". So a `206` that did not come from the
//! address asked (`response.url()` differs from `url`) is refused as `WrongRange`; a `200` from a
//! mirror is fine, since it is the whole file. A client that follows redirects (reqwest's default)
//! to a 206 from byte N is then refused, and so is any address not written in the `Url` crate's
//! normalized form (`http://LOCALHOST:PORT/…`, a `..` in the path), redirect or not.

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
    // Where the answer came from, after any redirect the client followed.
    let from_elsewhere = response.url().as_str() != url;

    let (mut file, mut size) = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = header_text(response.headers().get(CONTENT_RANGE));
            if had == 0 || from_elsewhere || first_byte(&content_range) != Some(had) {
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
