//! Wrong: breaks "one GET of `url` through `client`, with `Range: bytes=N-` when N is over 0"
//! The download-manager habit (aria2, wget's loop on a short read): RFC 9110 lets a server answer a
//! range with fewer bytes than asked, so when a 206 ends and its `Content-Range` names a SIZE that
//! the part has not reached yet, the learner asks again for the rest, until the part is the whole
//! file ("the function is to *finish* the download"). Each answer is judged as the contract says;
//! but a 206 that brings only some of the rest is followed by a second GET, and its outcome (or its
//! error) is what the function returns.

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

async fn part_size(part: &Path) -> Result<u64, ResumeError> {
    match tokio::fs::metadata(part).await {
        Ok(metadata) => Ok(metadata.len()),
        Err(err) if err.kind() == ErrorKind::NotFound => Ok(0),
        Err(err) => Err(ResumeError::File(err)),
    }
}

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    loop {
        let had = part_size(part).await?;
        let mut request = client.get(url);
        if had > 0 {
            request = request.header(RANGE, format!("bytes={had}-"));
        }
        let mut response = request.send().await?;
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
            // The whole file: complete by definition once its body is in.
            StatusCode::OK => (File::create(part).await?, 0, None),
            status => return Err(ResumeError::Status(status)),
        };
        let mut received: u64 = 0;
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
        let size = start + received;
        match total {
            // Only part of the rest came: ask for what is still missing.
            Some(total) if size < total && received > 0 => continue,
            _ => return Ok(size),
        }
    }
}
