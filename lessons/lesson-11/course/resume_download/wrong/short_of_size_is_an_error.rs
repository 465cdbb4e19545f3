//! Wrong: breaks "`Ok(size)`: the size of `part` once the body is all in, every byte written and flushed before the function returns"
//! Copied from lesson 11's `download`, which keeps the total a 206 announces (the SIZE of its
//! `Content-Range`) and ends with `DownloadError::Short` when the bytes on disk fall short of it.
//! `ResumeError` has no `Short`, so the learner reports it as a file error (`UnexpectedEof`, "the
//! part is not the whole file yet"). The body is appended as it must be; but a 206 that rightly
//! brings only some of the rest (`bytes N-LAST/SIZE` with LAST + 1 < SIZE) ends in an error instead
//! of `Ok(LAST + 1)`.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// `bytes FIRST-LAST/SIZE` as `(FIRST, SIZE)`, SIZE `None` for `*`.
fn parse_range(text: &str) -> Option<(u64, Option<u64>)> {
    let (span, size) = text.strip_prefix("bytes ")?.split_once('/')?;
    let size = match size {
        "*" => None,
        size => Some(size.parse::<u64>().ok()?),
    };
    let (first, last) = span.split_once('-')?;
    let first: u64 = first.parse().ok()?;
    let last: u64 = last.parse().ok()?;
    (first <= last).then_some((first, size))
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
    // Where the body starts, and the file's size when the server says it.
    let (mut file, start, total) = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .and_then(|value| value.to_str().ok())
                .unwrap_or("")
                .to_owned();
            match parse_range(&content_range) {
                Some((first, total)) if first == had => {
                    let file = OpenOptions::new()
                        .create(true)
                        .append(true)
                        .open(part)
                        .await?;
                    (file, had, total)
                }
                _ => {
                    return Err(ResumeError::WrongRange {
                        asked: had,
                        content_range,
                    });
                }
            }
        }
        StatusCode::OK => {
            let total = response.content_length();
            (File::create(part).await?, 0, total)
        }
        status => return Err(ResumeError::Status(status)),
    };
    let mut received = start;
    let outcome = loop {
        match response.chunk().await {
            Ok(Some(piece)) => {
                if let Err(err) = file.write_all(&piece).await {
                    break Err(ResumeError::File(err));
                }
                received += piece.len() as u64;
            }
            Ok(None) => break Ok(()),
            Err(err) => break Err(ResumeError::Http(err)),
        }
    };
    file.flush().await?;
    outcome?;
    // As the lesson's `download` does: the part must have reached the announced size.
    if let Some(expected) = total {
        if received != expected {
            return Err(ResumeError::File(std::io::Error::new(
                ErrorKind::UnexpectedEof,
                format!("the body ended after {received} of the {expected} bytes announced"),
            )));
        }
    }
    Ok(received)
}
