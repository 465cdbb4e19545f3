//! Correct: the request's headers are built first as a `HeaderMap` (empty when N is 0) and given
//! with `RequestBuilder::headers`; the answer is judged by a function of its own into where the
//! body goes (`Place::After(N)` or `Place::Over`) before the file is touched; a 200 replaces the
//! part by removing it (a missing part is no error) and making a new one with `create_new`,
//! rather than truncating it in place, so that after a restart `part` is a new file (another
//! inode) holding only the new body; the loop records a break and leaves it, so that the one
//! `flush` after it runs on every way out.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, HeaderMap, HeaderValue, RANGE};
use reqwest::{Client, Response, StatusCode};
use tokio::fs::OpenOptions;
use tokio::io::AsyncWriteExt;

/// Where an answer's body belongs.
enum Place {
    /// After the `N` bytes the part holds: a 206 from byte N.
    After(u64),
    /// Over the part, from its first byte: a 200.
    Over,
}

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let had = match tokio::fs::metadata(part).await {
        Ok(metadata) => metadata.len(),
        Err(err) if err.kind() == ErrorKind::NotFound => 0,
        Err(err) => return Err(err.into()),
    };
    let mut headers = HeaderMap::new();
    if had > 0 {
        let range = HeaderValue::from_str(&format!("bytes={had}-"))
            .expect("`bytes=`, digits and `-` are a valid header value");
        headers.insert(RANGE, range);
    }
    let mut response = client.get(url).headers(headers).send().await?;

    let (mut file, mut size) = match place(&response, had)? {
        Place::After(from) => {
            let file = OpenOptions::new()
                .create(true)
                .append(true)
                .open(part)
                .await?;
            (file, from)
        }
        Place::Over => {
            match tokio::fs::remove_file(part).await {
                Ok(()) => {}
                Err(err) if err.kind() == ErrorKind::NotFound => {}
                Err(err) => return Err(err.into()),
            }
            let file = OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(part)
                .await?;
            (file, 0)
        }
    };

    let mut broke = None;
    loop {
        match response.chunk().await {
            Ok(Some(piece)) => {
                file.write_all(&piece).await?;
                size += piece.len() as u64;
            }
            Ok(None) => break,
            Err(err) => {
                broke = Some(err);
                break;
            }
        }
    }
    // On every way out of the loop: tokio's `File` may still be writing the last piece.
    file.flush().await?;
    match broke {
        Some(err) => Err(ResumeError::Http(err)),
        None => Ok(size),
    }
}

/// Where the answer's body goes, or why it goes nowhere.
fn place(response: &Response, had: u64) -> Result<Place, ResumeError> {
    match response.status() {
        StatusCode::OK => Ok(Place::Over),
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .and_then(|value| value.to_str().ok())
                .unwrap_or_default();
            let first = content_range
                .strip_prefix("bytes ")
                .and_then(|range| range.split_once('-'))
                .and_then(|(first, _)| first.parse::<u64>().ok());
            if first == Some(had) {
                Ok(Place::After(had))
            } else {
                Err(ResumeError::WrongRange {
                    asked: had,
                    content_range: content_range.to_owned(),
                })
            }
        }
        status => Err(ResumeError::Status(status)),
    }
}
