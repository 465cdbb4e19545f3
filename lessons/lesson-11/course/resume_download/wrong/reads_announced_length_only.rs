//! Wrong: breaks "the body is written to `part` piece by piece as it arrives (`response.chunk()`)" (and "`Ok(size)`: the size of `part` once the body is all in")
//! The tqdm habit, `total = int(r.headers.get("content-length", 0))` then `while downloaded <
//! total`, or Go's `io.CopyN(f, resp.Body, resp.ContentLength)`: read exactly what the server
//! announced, "so a server that sends too much cannot corrupt the part". Every body with a
//! `Content-Length` comes out right; a body sent without one (chunked) counts as 0 bytes, so
//! nothing of it is written and the call says `Ok` with the part short (or emptied, for a 200).

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// FIRST and LAST of `bytes FIRST-LAST/SIZE` (SIZE a number or `*`).
fn span(text: &str) -> Option<(u64, u64)> {
    let (span, _size) = text.strip_prefix("bytes ")?.split_once('/')?;
    let (first, last) = span.split_once('-')?;
    Some((first.parse().ok()?, last.parse().ok()?))
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

    let (mut file, start) = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .and_then(|value| value.to_str().ok())
                .unwrap_or("")
                .to_owned();
            let fits = matches!(span(&content_range), Some((first, last)) if first == had && first <= last);
            if !fits {
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
        status => return Err(ResumeError::Status(status)),
    };

    // What the server announced: read that much and no more.
    let total = response.content_length().unwrap_or(0);
    let mut received: u64 = 0;
    let outcome = loop {
        if received >= total {
            break Ok(start + received);
        }
        match response.chunk().await {
            Ok(Some(piece)) => {
                if let Err(err) = file.write_all(&piece).await {
                    break Err(ResumeError::File(err));
                }
                received += piece.len() as u64;
            }
            Ok(None) => break Ok(start + received),
            Err(err) => break Err(ResumeError::Http(err)),
        }
    };
    file.flush().await?;
    outcome
}
