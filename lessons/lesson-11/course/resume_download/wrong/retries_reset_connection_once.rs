//! Wrong: breaks "one GET of `url` through `client`, with `Range: bytes=N-` when N is over 0" (and "a failed connection is `Err(ResumeError::Http(err))` too, with `part` untouched")
//! The learner knows the stale keep-alive race: a pooled connection the server has already
//! dropped makes the next request fail with "connection reset by peer" before any answer, and
//! Go's `http.Transport` and urllib3 quietly send an idempotent GET again in that case. So a
//! `send()` whose error is a TCP reset (`io::ErrorKind::ConnectionReset` in its source chain) is
//! asked once more; every other failure (refused, timed out, closed without a word) is
//! returned at once, as the chapter's checks expect. A server that resets after reading the
//! request gets two GETs.

use std::error::Error as _;
use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::OpenOptions;
use tokio::io::AsyncWriteExt;

/// Whether the request failed because the peer reset the connection (a stale pooled one).
fn is_reset(err: &reqwest::Error) -> bool {
    let mut source = err.source();
    while let Some(inner) = source {
        if let Some(io) = inner.downcast_ref::<std::io::Error>() {
            return io.kind() == ErrorKind::ConnectionReset;
        }
        source = inner.source();
    }
    false
}

/// Whether `text` (a `Content-Range`) is `bytes N-LAST/SIZE` starting at `had`.
fn starts_at(text: &str, had: u64) -> bool {
    let Some(rest) = text.strip_prefix("bytes ") else {
        return false;
    };
    let Some((first, _)) = rest.split_once('-') else {
        return false;
    };
    !first.is_empty()
        && first.bytes().all(|b| b.is_ascii_digit())
        && first.parse::<u64>() == Ok(had)
}

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let had = match tokio::fs::metadata(part).await {
        Ok(metadata) => metadata.len(),
        Err(err) if err.kind() == ErrorKind::NotFound => 0,
        Err(err) => return Err(ResumeError::File(err)),
    };
    let ask = || {
        let mut request = client.get(url);
        if had > 0 {
            request = request.header(RANGE, format!("bytes={had}-"));
        }
        request.send()
    };
    let mut response = match ask().await {
        Ok(response) => response,
        // A stale keep-alive connection: nothing was answered, a GET may be sent again.
        Err(err) if is_reset(&err) => ask().await?,
        Err(err) => return Err(ResumeError::Http(err)),
    };

    let (mut file, mut size) = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .map(|value| String::from_utf8_lossy(value.as_bytes()).into_owned())
                .unwrap_or_default();
            if !starts_at(&content_range, had) {
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
        StatusCode::OK => (tokio::fs::File::create(part).await?, 0),
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
            Err(err) => break Err(ResumeError::Http(err)),
        }
    };
    let flushed = file.flush().await;
    let size = outcome?;
    flushed?;
    Ok(size)
}
