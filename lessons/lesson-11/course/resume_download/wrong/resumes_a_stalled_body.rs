//! Wrong: breaks "a body that breaks off is `Err(ResumeError::Http(err))`, with every byte that arrived before the break written to `part`, so that a later call resumes from there" (and "one GET of `url`")
//! Lesson 11 taught the read timeout as "a stalled transfer is noticed", and the learner drew the
//! download manager's conclusion: a stall is a hiccup of the line, not a failure, so when `chunk()`
//! fails with `is_timeout()` the part is flushed and the rest asked for again at once (up to two
//! times), the very resume the function exists for. A body cut by the server (a reset, a close, a
//! missing last chunk) is still returned as `Err(Http)`, as the contract says. Reveal: a client
//! with a short read timeout (say 200 ms) and a server that sends some bytes, then goes quiet
//! longer than that: the contract wants one GET and `Err(Http)` with those bytes in the part; this
//! sends a second GET with `Range: bytes=<what arrived>-` and can return `Ok`.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// How many stalls are resumed from before giving up.
const STALL_RESUMES: u32 = 2;

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let mut stalls = 0;
    loop {
        match attempt(client, url, part).await {
            // The line went quiet: what came is flushed in the part, so ask for the rest again.
            Err(ResumeError::Http(err)) if err.is_timeout() && stalls < STALL_RESUMES => {
                stalls += 1;
            }
            outcome => return outcome,
        }
    }
}

/// One request, and the writing of its body.
async fn attempt(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
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
