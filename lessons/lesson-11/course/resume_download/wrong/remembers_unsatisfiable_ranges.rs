//! Wrong: breaks "one GET of `url` through `client`, with `Range: bytes=N-` when N is over 0"
//! The learner remembers, for the life of the process, every `416 Range Not Satisfiable` by address
//! and by the byte asked for: "a 416 to `bytes=N-` means the file has nothing from byte N on, and
//! asking again with the same part will only get the same 416", so a caller that loops (as lesson
//! 11's `download` may) is answered from the memo. The memo is keyed on N, so a part that changes
//! is asked about again; but a file that grows on the server is not: the next call with the same
//! part sends no request and reports a 416 the server would no longer give.

use std::collections::HashSet;
use std::io::ErrorKind;
use std::path::Path;
use std::sync::{LazyLock, Mutex, PoisonError};

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// (address, byte asked for) pairs a server answered with 416.
static UNSATISFIABLE: LazyLock<Mutex<HashSet<(String, u64)>>> =
    LazyLock::new(|| Mutex::new(HashSet::new()));

fn known_unsatisfiable(url: &str, from: u64) -> bool {
    UNSATISFIABLE
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .contains(&(url.to_owned(), from))
}

fn remember_unsatisfiable(url: &str, from: u64) {
    UNSATISFIABLE
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .insert((url.to_owned(), from));
}

/// Whether `bytes FIRST-LAST/SIZE` starts at byte `n`.
fn starts_at(content_range: &str, n: u64) -> bool {
    let digits = |text: &str| !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
    let Some(rest) = content_range.strip_prefix("bytes ") else {
        return false;
    };
    let Some((span, size)) = rest.split_once('/') else {
        return false;
    };
    let Some((first, last)) = span.split_once('-') else {
        return false;
    };
    if !digits(first) || !digits(last) || !(size == "*" || digits(size)) {
        return false;
    }
    match (first.parse::<u64>(), last.parse::<u64>()) {
        (Ok(first), Ok(last)) => first == n && first <= last,
        _ => false,
    }
}

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let had = match tokio::fs::metadata(part).await {
        Ok(metadata) => metadata.len(),
        Err(err) if err.kind() == ErrorKind::NotFound => 0,
        Err(err) => return Err(ResumeError::File(err)),
    };
    if had > 0 && known_unsatisfiable(url, had) {
        // Asked before, with this very part: nothing there from byte `had` on.
        return Err(ResumeError::Status(StatusCode::RANGE_NOT_SATISFIABLE));
    }

    let mut request = client.get(url);
    if had > 0 {
        request = request.header(RANGE, format!("bytes={had}-"));
    }
    let mut response = request.send().await?;

    let (mut file, mut size) = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .map(|value| String::from_utf8_lossy(value.as_bytes()).into_owned())
                .unwrap_or_default();
            if !starts_at(&content_range, had) {
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
        StatusCode::RANGE_NOT_SATISFIABLE => {
            if had > 0 {
                remember_unsatisfiable(url, had);
            }
            return Err(ResumeError::Status(StatusCode::RANGE_NOT_SATISFIABLE));
        }
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
