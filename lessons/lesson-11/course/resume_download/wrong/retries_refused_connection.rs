//! Wrong: breaks "a failed connection is `Err(ResumeError::Http(err))` too, with `part` untouched"
//! The urllib3 habit of `Retry(connect=3, read=0)`: a connection that is refused (or times out
//! while connecting) carried no request, so the learner thinks trying it again, up to three times
//! with a short back-off, cannot do any harm ("the server is restarting"). Only `is_connect()`
//! errors are retried, so a server that read the request and hung up is still an error at once.
//! Reveal: a port that refuses the first connection and accepts the next one (a listener bound 200
//! ms late, or closed and bound again) answering 200: the contract wants `Err(Http)` and an
//! untouched part, this returns `Ok` with the file written (or, on a port that stays closed, an
//! `Err` that comes only after 1.5 s of waiting).

use std::io::ErrorKind;
use std::path::Path;
use std::time::Duration;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// How many times a connection that could not be made is tried again.
const CONNECT_RETRIES: u32 = 3;

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let had = match tokio::fs::metadata(part).await {
        Ok(metadata) => metadata.len(),
        Err(err) if err.kind() == ErrorKind::NotFound => 0,
        Err(err) => return Err(ResumeError::File(err)),
    };

    // Nothing was sent when the connection could not be made: asking again is safe.
    let mut attempt = 0;
    let mut response = loop {
        let mut request = client.get(url);
        if had > 0 {
            request = request.header(RANGE, format!("bytes={had}-"));
        }
        match request.send().await {
            Ok(response) => break response,
            Err(err) if err.is_connect() && attempt < CONNECT_RETRIES => {
                attempt += 1;
                tokio::time::sleep(Duration::from_millis(250 * u64::from(attempt))).await;
            }
            Err(err) => return Err(ResumeError::Http(err)),
        }
    };

    let (mut file, mut size) = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .and_then(|value| value.to_str().ok())
                .unwrap_or("")
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
    file.flush().await?;
    outcome
}

/// FIRST of `bytes FIRST-LAST/SIZE` (SIZE a number or `*`), or `None` for any other form.
fn first_byte(content_range: &str) -> Option<u64> {
    let (span, total) = content_range.strip_prefix("bytes ")?.split_once('/')?;
    let (first, last) = span.split_once('-')?;
    let (first, last) = (number(first)?, number(last)?);
    if last < first {
        return None;
    }
    if total != "*" && number(total)? <= last {
        return None;
    }
    Some(first)
}

/// Plain decimal digits only (no sign, no spaces).
fn number(text: &str) -> Option<u64> {
    if text.is_empty() || !text.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}
