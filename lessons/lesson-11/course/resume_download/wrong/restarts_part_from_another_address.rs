//! Wrong: breaks "with `Range: bytes=N-` when N is over 0" (N being the part's size now)
//! The learner ties each part to the address its bytes came from, as aria2 keeps the URI in its
//! control file: the process remembers, by part, the `url` of the last call that wrote into it,
//! and "a part filled from one address must not be continued from another: those may be two
//! different files", so when the address differs the part is started over, asked with no
//! `Range`. Parts this process never wrote are resumed as the contract says, so every check that
//! brings a part of its own passes; but a part this process wrote, resumed through another
//! address (a mirror, or `localhost` for `127.0.0.1`), is asked for whole and thrown away.

use std::collections::HashMap;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::sync::{LazyLock, Mutex, PoisonError};

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// The address each part's bytes came from, for the parts this process wrote.
static SOURCES: LazyLock<Mutex<HashMap<PathBuf, String>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

fn written_from_elsewhere(part: &Path, url: &str) -> bool {
    SOURCES
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .get(part)
        .is_some_and(|source| source != url)
}

fn remember_source(part: &Path, url: &str) {
    SOURCES
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .insert(part.to_path_buf(), url.to_owned());
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
    let size_now = match tokio::fs::metadata(part).await {
        Ok(metadata) => metadata.len(),
        Err(err) if err.kind() == ErrorKind::NotFound => 0,
        Err(err) => return Err(ResumeError::File(err)),
    };
    // Bytes from another address are no start for this one.
    let starting_over = size_now > 0 && written_from_elsewhere(part, url);
    let had = if starting_over { 0 } else { size_now };

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
            let file = if starting_over {
                // The whole file from byte 0: over the other address's bytes.
                File::create(part).await?
            } else {
                OpenOptions::new()
                    .create(true)
                    .append(true)
                    .open(part)
                    .await?
            };
            (file, had)
        }
        StatusCode::OK => (File::create(part).await?, 0),
        status => return Err(ResumeError::Status(status)),
    };
    remember_source(part, url);

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
