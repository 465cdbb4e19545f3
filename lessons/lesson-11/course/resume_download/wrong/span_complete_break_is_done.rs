//! Wrong: breaks "a body that breaks off is `Err(ResumeError::Http(err))`, with every byte that arrived before the break written to `part`"
//! The `requests` habit of `except ChunkedEncodingError: if downloaded == expected: pass`: when
//! `chunk()` fails after every byte the server announced is in (LAST + 1 of the 206's
//! `Content-Range`, or a 200's `Content-Length`), the learner takes the error for a rude goodbye (a
//! server that closes without the chunked body's final zero-size chunk) and returns `Ok`. The bytes
//! on disk are right; but the body did break off, and the call says it did not.

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

    // `end`: the size the part will have once every announced byte is in, when the server says.
    let (mut file, mut size, end) = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .and_then(|value| value.to_str().ok())
                .unwrap_or_default()
                .to_owned();
            let Some((first, last)) = span(&content_range).filter(|&(first, _)| first == had)
            else {
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range,
                });
            };
            let file = OpenOptions::new()
                .create(true)
                .append(true)
                .open(part)
                .await?;
            (file, first, last.checked_add(1))
        }
        StatusCode::OK => {
            let end = response.content_length();
            (File::create(part).await?, 0, end)
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
            // Everything announced is here: only the connection's goodbye went wrong.
            Err(_) if end == Some(size) => break Ok(size),
            Err(err) => break Err(ResumeError::Http(err)),
        }
    };
    file.flush().await?;
    outcome
}

/// (FIRST, LAST) of `bytes FIRST-LAST/SIZE`, when the header has that form.
fn span(content_range: &str) -> Option<(u64, u64)> {
    let (span, _size) = content_range.strip_prefix("bytes ")?.split_once('/')?;
    let (first, last) = span.split_once('-')?;
    let (first, last): (u64, u64) = (first.parse().ok()?, last.parse().ok()?);
    (first <= last).then_some((first, last))
}
