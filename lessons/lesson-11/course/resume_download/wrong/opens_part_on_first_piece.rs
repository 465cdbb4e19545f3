//! Wrong: breaks "`200 OK`: the server sends the whole file from its first byte (it ignored the range, or the file changed): `part` is emptied, then the body written from the start"
//! The part is opened (emptied for a 200, opened for appending for a 206) only when the first
//! piece of the body arrives: "don't touch the file until there is something to write, so a
//! connection that dies at once leaves the part as it was". With a body, every answer comes out
//! right. But a `200` whose body is empty (the file is now empty), or that breaks off before its
//! first byte, never opens the part: the old part's N bytes stay, and `Ok(0)` is returned while
//! `part` holds N bytes of another version; the next call then asks for `bytes=N-` of the new
//! file and appends it after the stale bytes, a corrupt file. With N = 0 and no part, an empty
//! 200 returns `Ok(0)` and leaves no part at all.

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
        Err(err) => return Err(ResumeError::File(err)),
    };
    let mut request = client.get(url);
    if had > 0 {
        request = request.header(RANGE, format!("bytes={had}-"));
    }
    let mut response = request.send().await?;

    // Where the body goes: after the part (a resume) or over it (the whole file again).
    let append = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .and_then(|value| value.to_str().ok())
                .unwrap_or_default()
                .to_owned();
            let first = content_range
                .strip_prefix("bytes ")
                .and_then(|range| range.split_once('-'))
                .and_then(|(first, _)| first.parse::<u64>().ok());
            if first != Some(had) {
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range,
                });
            }
            true
        }
        StatusCode::OK => false,
        status => return Err(ResumeError::Status(status)),
    };
    let mut size = if append { had } else { 0 };

    // Opened with the first piece: nothing arrives, nothing is touched.
    let mut file: Option<File> = None;
    let outcome = loop {
        match response.chunk().await {
            Ok(Some(piece)) => {
                if file.is_none() {
                    let opened = if append {
                        OpenOptions::new()
                            .create(true)
                            .append(true)
                            .open(part)
                            .await
                    } else {
                        File::create(part).await
                    };
                    match opened {
                        Ok(opened) => file = Some(opened),
                        Err(err) => break Err(ResumeError::File(err)),
                    }
                }
                if let Some(file) = file.as_mut()
                    && let Err(err) = file.write_all(&piece).await
                {
                    break Err(ResumeError::File(err));
                }
                size += piece.len() as u64;
            }
            Ok(None) => break Ok(size),
            Err(err) => break Err(ResumeError::Http(err)),
        }
    };
    if let Some(mut file) = file {
        file.flush().await?;
    }
    outcome
}
