//! Wrong: breaks "a body that breaks off is `Err(ResumeError::Http(err))`, with every byte that arrived before the break written to `part` ...; a failed connection is `Err(ResumeError::Http(err))` too, with `part` untouched"
//! What the learner did: every step is right (the size, the `Range`, the status and the
//! `Content-Range` checked before the part is touched, one handle, each piece written as it
//! arrives, a flush on every way out), but a `reqwest::Error` that is a timeout
//! (`err.is_timeout()`: the client's read timeout between two pieces, its whole timeout, or a
//! head that never came) is reported as `Err(ResumeError::Status(StatusCode::GATEWAY_TIMEOUT))`,
//! the bytes that came still written and flushed.
//! Why a learner thinks it right: that is what a reverse proxy (nginx, a load balancer) answers
//! when its upstream goes quiet, and `ResumeError::Status` lets the caller tell "slow server,
//! try later" from a broken transfer with one `match`, as `aiohttp`'s `ServerTimeoutError` is
//! told apart from other `ClientError`s. The error's variant is part of what the function
//! returns: a read timeout mid-body, or a head that does not come in time, must be `Http(err)`.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// A timeout is reported the way a gateway reports one; any other failure as it is.
fn classify(err: reqwest::Error) -> ResumeError {
    if err.is_timeout() {
        ResumeError::Status(StatusCode::GATEWAY_TIMEOUT)
    } else {
        ResumeError::Http(err)
    }
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
    let mut response = request.send().await.map_err(classify)?;
    let (mut file, mut size) = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .map(|value| String::from_utf8_lossy(value.as_bytes()).into_owned())
                .unwrap_or_default();
            let starts_right = matches!(
                lesson_11::parse_content_range(&content_range),
                Some((first, _)) if had > 0 && first == had
            );
            if !starts_right {
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range,
                });
            }
            (OpenOptions::new().append(true).open(part).await?, had)
        }
        StatusCode::OK => (File::create(part).await?, 0),
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
            Err(err) => break Err(classify(err)),
        }
    };
    let flushed = file.flush().await;
    let size = outcome?;
    flushed?;
    Ok(size)
}
