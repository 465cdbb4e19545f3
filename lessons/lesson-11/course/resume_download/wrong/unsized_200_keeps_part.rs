//! Wrong: breaks "`200 OK`: the server sends the whole file from its first byte (it ignored the range, or the file changed): `part` is emptied, then the body written from the start" for a 200 sent in chunks with no `Content-Length` to a request with `Range: bytes=N-` (N over 0)
//! The answer trusts a restart only when it can see it is the whole file: a 200 over a part
//! that states no length "could be an error page or a proxy's answer cut short", so rather than
//! throw away N good bytes it keeps the part and reports the status, `Status(200)`. A learner
//! writes it after reading that a 200 over a part wipes the part, to protect the part. But the
//! contract makes no exception for a body of unknown length: chunked transfer is how dynamic
//! servers and many proxies send files, and that 200 is the whole file all the same. A 200 with
//! a length, a 200 to no range, and every 206 behave as they must.

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
                .unwrap_or_default();
            if first_byte(content_range) != Some(had) {
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range: content_range.to_owned(),
                });
            }
            OpenOptions::new()
                .create(true)
                .append(true)
                .open(part)
                .await?
        }
        StatusCode::OK => {
            // Wiping N good bytes needs a whole file: one of no stated size may be anything.
            if had > 0 && response.content_length().is_none() {
                return Err(ResumeError::Status(StatusCode::OK));
            }
            tokio::fs::File::create(part).await?
        }
        status => return Err(ResumeError::Status(status)),
    };

    let mut size = if response.status() == StatusCode::OK {
        0
    } else {
        had
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

/// The first byte of `bytes FIRST-LAST/SIZE`.
fn first_byte(content_range: &str) -> Option<u64> {
    let range = content_range.strip_prefix("bytes ")?;
    let (first, _) = range.split_once('-')?;
    first.parse().ok()
}
