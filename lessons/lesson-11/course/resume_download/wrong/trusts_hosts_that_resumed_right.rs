//! Wrong: breaks "a `206` whose `Content-Range` starts elsewhere, or that has none, is `Err(ResumeError::WrongRange { asked: N, content_range })` … and `part` is left as it was", for every host that once answered a range right.
//! The learner checks a server once, the way download managers remember "this server supports resume": the first 206 from a host has its `Content-Range` checked strictly, and when it starts at the byte asked the host name goes into a process-wide set of servers that do ranges right; later 206s from that host are appended without parsing the header again ("it already proved it does ranges properly").
//! The memo outlives the call that earned it: once any resume from `127.0.0.1` went well, a later 206 from that host for other bytes (`bytes 15003-…`), with no `Content-Range`, or unasked with N = 0 from another byte, is appended to the part; alone, or first in its process, the same answer is refused.

use std::collections::HashSet;
use std::io::ErrorKind;
use std::path::Path;
use std::sync::{LazyLock, Mutex, PoisonError};

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, HeaderValue, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// Hosts whose answers to a range were checked and right.
static RANGES_DONE_RIGHT: LazyLock<Mutex<HashSet<String>>> =
    LazyLock::new(|| Mutex::new(HashSet::new()));

/// A number made of ASCII digits only.
fn number(text: &str) -> Option<u64> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// Whether `bytes FIRST-LAST/SIZE` starts at `n` (SIZE a number or `*`).
fn starts_at(text: &str, n: u64) -> bool {
    let Some((unit, rest)) = text.split_once(' ') else {
        return false;
    };
    if !unit.eq_ignore_ascii_case("bytes") {
        return false;
    }
    let Some((span, size)) = rest.split_once('/') else {
        return false;
    };
    let Some((first, last)) = span.split_once('-') else {
        return false;
    };
    let (Some(first), Some(last)) = (number(first), number(last)) else {
        return false;
    };
    if first != n || last < first {
        return false;
    }
    size == "*" || number(size).is_some_and(|size| last < size)
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

    let (mut file, mut size) = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let host = response.url().host_str().unwrap_or_default().to_owned();
            let proven = RANGES_DONE_RIGHT
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .contains(&host);
            if !proven {
                let value = response.headers().get(CONTENT_RANGE);
                let good = value
                    .and_then(|value| value.to_str().ok())
                    .is_some_and(|text| starts_at(text, had));
                if !good {
                    let content_range = value
                        .map(HeaderValue::as_bytes)
                        .map(String::from_utf8_lossy)
                        .unwrap_or_default()
                        .into_owned();
                    return Err(ResumeError::WrongRange {
                        asked: had,
                        content_range,
                    });
                }
                RANGES_DONE_RIGHT
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .insert(host);
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
