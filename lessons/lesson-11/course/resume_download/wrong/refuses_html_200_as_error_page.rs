//! Wrong: breaks "`200 OK`: the server sends the whole file from its first byte (it ignored the range, or the file changed): `part` is emptied, then the body written from the start"
//! A guard the engineer has added to every downloader since a hotel's captive portal ate a
//! half-finished ISO: a `200` whose `Content-Type` is `text/html` is a login or error page dressed
//! as success, not the file, so it is refused as `Err(Status(200))` and the part is kept. Against a
//! file server (`application/octet-stream`, or no type at all) everything is as the contract says;
//! but a 200 that says `text/html` is the whole file by the contract's rule, and the part must be
//! emptied and rewritten with it.

use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, CONTENT_TYPE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let had = match tokio::fs::metadata(part).await {
        Ok(metadata) => metadata.len(),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => 0,
        Err(err) => return Err(ResumeError::File(err)),
    };
    let mut request = client.get(url);
    if had > 0 {
        request = request.header(RANGE, format!("bytes={had}-"));
    }
    let mut response = request.send().await?;
    let status = response.status();

    let mut file = if status == StatusCode::PARTIAL_CONTENT {
        let content_range = response
            .headers()
            .get(CONTENT_RANGE)
            .and_then(|value| value.to_str().ok())
            .unwrap_or("")
            .to_owned();
        match lesson_11::parse_content_range(&content_range) {
            Some((first, _)) if had > 0 && first == had => {
                OpenOptions::new().append(true).open(part).await?
            }
            _ => {
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range,
                });
            }
        }
    } else if status == StatusCode::OK {
        // A web page is never the file: a portal, a proxy's error, a "file not found" page
        // served with 200. Throwing the part away for it would lose what we have.
        let html = response
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .is_some_and(|kind| kind.trim().to_ascii_lowercase().starts_with("text/html"));
        if html {
            return Err(ResumeError::Status(status));
        }
        File::create(part).await?
    } else {
        return Err(ResumeError::Status(status));
    };

    let mut size = if status == StatusCode::PARTIAL_CONTENT {
        had
    } else {
        0
    };
    let outcome = loop {
        match response.chunk().await {
            Ok(Some(piece)) => match file.write_all(&piece).await {
                Ok(()) => size += piece.len() as u64,
                Err(err) => break Err(ResumeError::File(err)),
            },
            Ok(None) => break Ok(size),
            Err(err) => break Err(ResumeError::Http(err)),
        }
    };
    file.flush().await?;
    outcome
}
