//! Wrong: breaks "`206 Partial Content` whose `Content-Range` starts at byte N ...: its body is appended to `part`"
//! Lesson 11 keeps the version of a part beside it (`.part.etag`); the learner's servers send no
//! `ETag` but a `Last-Modified`, and an `If-Range` with a date is only a weak validator, so the
//! learner checks the version by hand: the `Last-Modified` of the answer that filled the part is
//! kept in `{part}.last-modified`, and a later `206` whose `Last-Modified` differs is refused as
//! `WrongRange` ("the rest of another version would splice two files"). A 206 from byte N after a
//! broken answer that named another `Last-Modified` is then refused instead of appended.

use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, HeaderValue, LAST_MODIFIED, RANGE};
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
    let note = note_path(part);
    // The version the part's bytes come from, when an earlier answer named one.
    let remembered = match tokio::fs::read_to_string(&note).await {
        Ok(text) if !text.trim().is_empty() => Some(text.trim().to_owned()),
        _ => None,
    };

    let mut request = client.get(url);
    if had > 0 {
        request = request.header(RANGE, format!("bytes={had}-"));
    }
    let mut response = request.send().await?;
    let stamp = response
        .headers()
        .get(LAST_MODIFIED)
        .and_then(|value| value.to_str().ok())
        .map(|text| text.trim().to_owned());

    let (mut file, mut size) = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = header_text(response.headers().get(CONTENT_RANGE));
            let same_version = match (&remembered, &stamp) {
                (Some(before), Some(now)) => before == now,
                _ => true,
            };
            if had == 0 || first_byte(&content_range) != Some(had) || !same_version {
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
    // The version these bytes come from, for the next resume (a note only: failing to keep it
    // loses nothing the part holds).
    match &stamp {
        Some(stamp) => {
            let _ = tokio::fs::write(&note, stamp).await;
        }
        None => {
            let _ = tokio::fs::remove_file(&note).await;
        }
    }

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

/// `{part}.last-modified`, beside the part, as lesson 11 keeps `{part}.etag`.
fn note_path(part: &Path) -> PathBuf {
    let mut name = part.as_os_str().to_owned();
    name.push(".last-modified");
    PathBuf::from(name)
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
