//! Wrong: breaks "one GET of `url` through `client`" and "a failed connection is `Err(ResumeError::Http(err))` too, with `part` untouched"
//! The learner retries only what looks like a lost packet: a `send()` that ends in a timeout (`err.is_timeout()`), before any answer came, is asked again once, "a GET is idempotent and nothing was received, so nothing can be corrupted". A refused connection or a server that hangs up is a real failure and is returned at once, as the contract says.
//! The checks' failed connections are a port where nothing listens and a server that reads the request and closes without a word: neither is a timeout, so the retry never fires there. A server that reads the request and then stays silent past the client's (read) timeout shows the second GET.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, RequestBuilder, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let had = match tokio::fs::metadata(part).await {
        Ok(metadata) => metadata.len(),
        Err(err) if err.kind() == ErrorKind::NotFound => 0,
        Err(err) => return Err(ResumeError::File(err)),
    };
    let request = || -> RequestBuilder {
        let builder = client.get(url);
        if had > 0 {
            builder.header(RANGE, format!("bytes={had}-"))
        } else {
            builder
        }
    };

    // No answer in time: the request (or its answer) was lost on the way; ask once more.
    let mut response = match request().send().await {
        Ok(response) => response,
        Err(err) if err.is_timeout() => request().send().await?,
        Err(err) => return Err(ResumeError::Http(err)),
    };

    let (mut file, mut size) = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .and_then(|value| value.to_str().ok())
                .unwrap_or_default()
                .to_owned();
            if first_byte(&content_range) != Some(had) {
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

/// FIRST of `bytes FIRST-LAST/SIZE` (SIZE a number or `*`), `None` for any other text.
fn first_byte(text: &str) -> Option<u64> {
    let (span, size) = text.strip_prefix("bytes ")?.split_once('/')?;
    let (first, last) = span.split_once('-')?;
    let (first, last) = (number(first)?, number(last)?);
    if last < first {
        return None;
    }
    if size != "*" && last >= number(size)? {
        return None;
    }
    Some(first)
}

fn number(text: &str) -> Option<u64> {
    if text.is_empty() || !text.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}
