//! Wrong: breaks "a `206` whose `Content-Range` starts elsewhere, or that has none, is `Err(ResumeError::WrongRange { asked: N, content_range })` (the header's text, or `""`), and `part` is left as it was"
//! The learner took the lesson's own `WrongRange` message at its word ("nothing was written: delete
//! {part} to start again") and did the deleting for the user: a server that sends other bytes than
//! those asked for has another idea of the file, so the part is removed before the error is
//! returned, and the next call starts clean instead of failing the same way for ever. The error is
//! exactly right; the part the contract keeps is gone (and an empty part refused at N = 0 is
//! removed too).

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::OpenOptions;
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
    let mut response = request.send().await?;

    let mut file = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .and_then(|value| value.to_str().ok())
                .unwrap_or_default()
                .to_owned();
            // The guard of the lesson's `download`: a 206 only continues a part, from its last byte.
            let starts_here = matches!(
                lesson_11::parse_content_range(&content_range),
                Some((first, _)) if had > 0 && first == had
            );
            if !starts_here {
                // As the lesson's message says: this part cannot be continued, so start again.
                match tokio::fs::remove_file(part).await {
                    Err(err) if err.kind() != ErrorKind::NotFound => return Err(err.into()),
                    _ => {}
                }
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range,
                });
            }
            OpenOptions::new().append(true).open(part).await?
        }
        StatusCode::OK => tokio::fs::File::create(part).await?,
        status => return Err(ResumeError::Status(status)),
    };

    let mut size = if response.status() == StatusCode::PARTIAL_CONTENT {
        had
    } else {
        0
    };
    let outcome = loop {
        match response.chunk().await {
            Ok(Some(piece)) => {
                if let Err(err) = file.write_all(&piece).await {
                    break Err(err.into());
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
