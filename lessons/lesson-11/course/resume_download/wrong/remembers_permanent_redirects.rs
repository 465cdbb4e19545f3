//! Wrong: breaks "one GET of `url` through `client`"
//! The learner honours permanent redirects the way browsers do, across calls: a `301` or `308`
//! is still reported as `Status` (the contract says so), but its `Location` is remembered for the
//! life of the process, since RFC 9110 says a client "ought to" use the new address from then on,
//! and the next call for that address asks the new one directly ("save a round trip"). The same
//! memo is fed when the client given followed a redirect itself. So a later call sends its GET to
//! another address than the `url` it was given.

use std::collections::HashMap;
use std::io::ErrorKind;
use std::path::Path;
use std::sync::{LazyLock, Mutex, PoisonError};

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, LOCATION, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// Where an address has moved for good, as servers said with 301 or 308.
static MOVED: LazyLock<Mutex<HashMap<String, String>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

fn current_address(url: &str) -> String {
    MOVED
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .get(url)
        .cloned()
        .unwrap_or_else(|| url.to_owned())
}

fn remember_move(from: &str, to: String) {
    if from != to {
        MOVED
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(from.to_owned(), to);
    }
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

    let address = current_address(url);
    let mut request = client.get(&address);
    if had > 0 {
        request = request.header(RANGE, format!("bytes={had}-"));
    }
    let mut response = request.send().await?;

    // The client may have followed a redirect on its own: where it ended is the address now.
    if response.url().as_str() != address {
        remember_move(url, response.url().to_string());
    }

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
        status @ (StatusCode::MOVED_PERMANENTLY | StatusCode::PERMANENT_REDIRECT) => {
            // Reported as the contract asks, and remembered for the next call.
            let target = response
                .headers()
                .get(LOCATION)
                .and_then(|value| value.to_str().ok())
                .and_then(|location| response.url().join(location).ok())
                .map(String::from);
            if let Some(target) = target {
                remember_move(url, target);
            }
            return Err(ResumeError::Status(status));
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
