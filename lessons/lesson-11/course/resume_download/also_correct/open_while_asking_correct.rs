//! Correct: when there is a part, it is opened (for appending, never created, never cut) while the request is on its way, with `tokio::join!`, and that one handle serves both answers: a right `206` appends through it, a `200` empties the file through it with `set_len(0)`; any 206 to a request that asked no range is refused as `WrongRange`
//!
//! Opening an existing file without `create` or `truncate` changes nothing in it, so a failed
//! connection, a status or a wrong range still leave the part as it was (the handle is simply
//! dropped), and a size that cannot be read is still the part's error before any request. An
//! open that failed is only reported when the answer needs the file: a status is still
//! `Err(Status)`, a failed connection still `Err(Http)`. With no part (N = 0) nothing is opened
//! early: a `200` creates the part; a `206` is the server's mistake, and refusing it is one of
//! the two choices the contract allows. A strict check might expect no file to be opened before
//! the answer's head has come, or the part to be created by the same call that empties it.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let had = match tokio::fs::metadata(part).await {
        Ok(metadata) => metadata.len(),
        Err(err) if err.kind() == ErrorKind::NotFound => 0,
        Err(err) => return Err(err.into()),
    };
    let mut request = client.get(url);
    if had > 0 {
        request = request.header(RANGE, format!("bytes={had}-"));
    }

    // The part that is there, opened while the server thinks: appending, so nothing changes
    // until a byte is written.
    let (opened, sent) = if had > 0 {
        let mut options = OpenOptions::new();
        options.append(true);
        let (opened, sent) = tokio::join!(options.open(part), request.send());
        (Some(opened), sent)
    } else {
        (None, request.send().await)
    };
    let mut response = sent?;

    let (mut file, mut size) = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .and_then(|value| value.to_str().ok())
                .unwrap_or_default();
            // Only after a range was asked (then the part is open), from exactly its byte.
            match opened {
                Some(opened) if starts_at(content_range, had) => (opened?, had),
                _ => {
                    return Err(ResumeError::WrongRange {
                        asked: had,
                        content_range: content_range.to_owned(),
                    });
                }
            }
        }
        StatusCode::OK => match opened {
            // Appending after `set_len(0)` writes from the first byte.
            Some(Ok(file)) => {
                file.set_len(0).await?;
                (file, 0)
            }
            _ => (File::create(part).await?, 0),
        },
        status => return Err(ResumeError::Status(status)),
    };

    let outcome = loop {
        match response.chunk().await {
            Ok(Some(piece)) => {
                file.write_all(&piece).await?;
                size += piece.len() as u64;
            }
            Ok(None) => break Ok(size),
            Err(err) => break Err(ResumeError::Http(err)),
        }
    };
    file.flush().await?;
    outcome
}

/// Whether `bytes FIRST-LAST/SIZE` starts at byte `at`.
fn starts_at(content_range: &str, at: u64) -> bool {
    content_range
        .strip_prefix("bytes ")
        .and_then(|range| range.split_once('-'))
        .and_then(|(first, _)| first.parse::<u64>().ok())
        == Some(at)
}
