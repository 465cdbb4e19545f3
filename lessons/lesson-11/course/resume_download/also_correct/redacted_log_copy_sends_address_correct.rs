//! Correct: the fixed form of `credentials_stripped_from_address`: the address is parsed once
//! (`reqwest::Url::parse`) and a *copy* of it, with any `user:password@` removed, goes to the log;
//! the request is sent to the parsed address untouched (so reqwest still turns its userinfo into
//! `Authorization`), or to the text as given when it does not parse, for reqwest to report. The
//! status is matched as a number, and the body is copied by a loop that keeps the first error.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, Url};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let had = match tokio::fs::metadata(part).await {
        Ok(metadata) => metadata.len(),
        Err(err) if err.kind() == ErrorKind::NotFound => 0,
        Err(err) => return Err(ResumeError::File(err)),
    };

    let mut request = match Url::parse(url) {
        Ok(address) => {
            eprintln!("resuming {} from byte {had}", for_the_log(&address));
            client.get(address)
        }
        Err(_) => client.get(url),
    };
    if had > 0 {
        request = request.header(RANGE, format!("bytes={had}-"));
    }
    let mut response = request.send().await?;

    let status = response.status();
    let (mut file, before) = match status.as_u16() {
        206 => {
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
        200 => (File::create(part).await?, 0),
        _ => return Err(ResumeError::Status(status)),
    };

    let mut size = before;
    let mut failure: Option<ResumeError> = None;
    loop {
        match response.chunk().await {
            Ok(Some(piece)) => {
                if let Err(err) = file.write_all(&piece).await {
                    failure = Some(ResumeError::File(err));
                    break;
                }
                size += piece.len() as u64;
            }
            Ok(None) => break,
            Err(err) => {
                failure = Some(ResumeError::Http(err));
                break;
            }
        }
    }
    let flushed = file.flush().await;
    if let Some(err) = failure {
        return Err(err);
    }
    flushed?;
    Ok(size)
}

/// The address without its credentials, for a log line; the address itself is not changed.
fn for_the_log(address: &Url) -> Url {
    let mut shown = address.clone();
    let _ = shown.set_password(None);
    let _ = shown.set_username("");
    shown
}

/// The first byte a `Content-Range` of the form `bytes FIRST-LAST/SIZE` names (SIZE a number or
/// `*`, LAST not before FIRST); `None` for any other form.
fn first_byte(content_range: &str) -> Option<u64> {
    let rest = content_range.strip_prefix("bytes ")?;
    let (span, total) = rest.split_once('/')?;
    if total != "*" && !is_number(total) {
        return None;
    }
    let (first, last) = span.split_once('-')?;
    if !is_number(first) || !is_number(last) {
        return None;
    }
    let first: u64 = first.parse().ok()?;
    let last: u64 = last.parse().ok()?;
    (first <= last).then_some(first)
}

fn is_number(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|byte| byte.is_ascii_digit())
}
