//! Correct: the fixed form of `redirected_206_refused`: where the answer came from
//! (`response.url()`, after any redirect the client followed) is still looked at, but only for a
//! note on stderr, never to refuse; the answer is first reduced to where its body goes
//! (`Place::End` after the part, `Place::Emptied` over it), and every 206 to a request that asked no
//! range is refused (one of the contract's two permitted choices).

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, HeaderValue, RANGE};
use reqwest::{Client, Response, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// Where the body of an answer goes.
enum Place {
    /// After the part's `had` bytes (a 206 from byte `had`).
    End,
    /// Over an emptied part (a 200).
    Emptied,
}

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
    if response.url().as_str() != url {
        eprintln!("note: {url} answered from {}", response.url());
    }

    let (mut file, start) = match judge(&response, had)? {
        Place::End => {
            let file = OpenOptions::new()
                .create(true)
                .append(true)
                .open(part)
                .await?;
            (file, had)
        }
        Place::Emptied => (File::create(part).await?, 0),
    };

    let mut size = start;
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

/// Where the body of `response` goes, for a part of `had` bytes; an error leaves the part alone.
fn judge(response: &Response, had: u64) -> Result<Place, ResumeError> {
    match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = header_text(response.headers().get(CONTENT_RANGE));
            if had > 0 && first_byte(&content_range) == Some(had) {
                Ok(Place::End)
            } else {
                Err(ResumeError::WrongRange {
                    asked: had,
                    content_range,
                })
            }
        }
        StatusCode::OK => Ok(Place::Emptied),
        status => Err(ResumeError::Status(status)),
    }
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
