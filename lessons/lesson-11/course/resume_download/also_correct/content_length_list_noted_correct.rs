//! Correct: the fixed form of `content_length_list_parsed_with_expect`: the total for the stderr line ("N of TOTAL bytes") is still read from the `Content-Length` header's own text, but the way RFC 9110 §8.6 and hyper read it: a comma-separated list whose values must all be the same number (`1997, 1997` is 1,997), anything else (two numbers that differ, text that is not ASCII) being "size not given", and the sum taken with `saturating_add`; nothing in it can panic or change the outcome. The body is pumped by a helper that returns how it stopped as a value, so the one `flush` runs on every way out.
//!
//! A learner who wanted the header's own word for the length, and read how a recipient is told
//! to read it.
//!
//! Exercise 16: finish a download that was cut short.
//!
//! `resume_download(client, url, part)` finishes the download of `url` into the file `part`,
//! which holds the first bytes of that file from an earlier attempt: N bytes, where N is the
//! file's size now (0 when it is empty or does not exist; any other error reading its size is
//! `Err(ResumeError::File(err))`, before a request is sent). Contract:
//! - one GET of `url` through `client`, with `Range: bytes=N-` when N is over 0, and no `Range`
//!   when N is 0;
//! - `206 Partial Content` whose `Content-Range` starts at byte N (`bytes N-LAST/SIZE`, SIZE
//!   being `*` when the server does not know it): its body is appended to `part`; a `206` whose
//!   `Content-Range` starts elsewhere, or that has none, is
//!   `Err(ResumeError::WrongRange { asked: N, content_range })` (the header's text, or `""`),
//!   and `part` is left as it was (with N = 0 no range was asked, and a `206` is the server's
//!   mistake: one from byte 0 may be appended, as this rule says, or refused as `WrongRange`;
//!   one from another byte, or with no `Content-Range`, is refused);
//! - `200 OK`: the server sends the whole file from its first byte (it ignored the range, or the
//!   file changed): `part` is emptied, then the body written from the start;
//! - any other status (a 416, a 404, a 503, a 300 …): `Err(ResumeError::Status(status))`, and
//!   `part` is left as it was;
//! - the body is written to `part` piece by piece as it arrives (`response.chunk()`), never held
//!   whole in memory: while a large body is on its way, `part` grows;
//! - a body that breaks off is `Err(ResumeError::Http(err))`, with every byte that arrived before
//!   the break written to `part`, so that a later call resumes from there; a failed connection is
//!   `Err(ResumeError::Http(err))` too, with `part` untouched;
//! - `Ok(size)`: the size of `part` once the body is all in, every byte written and flushed
//!   before the function returns;
//! - no panic.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_LENGTH, CONTENT_RANGE, HeaderValue, RANGE};
use reqwest::{Client, Response, StatusCode};
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

    let (mut file, start) = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .and_then(|value| value.to_str().ok())
                .unwrap_or_default()
                .to_owned();
            let first = content_range
                .strip_prefix("bytes ")
                .and_then(|rest| rest.split_once('-'))
                .and_then(|(first, _)| first.parse::<u64>().ok());
            if had == 0 || first != Some(had) {
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

    match announced_length(response.headers().get_all(CONTENT_LENGTH).iter()) {
        Some(length) => eprintln!(
            "{}: {start} of {} bytes",
            part.display(),
            start.saturating_add(length)
        ),
        None => eprintln!("{}: {start} bytes, size not given", part.display()),
    }

    let (written, stopped) = pump(&mut response, &mut file).await;
    file.flush().await?;
    match stopped {
        Some(err) => Err(err),
        None => Ok(start + written),
    }
}

/// Copies the body to `file` piece by piece: the bytes written, and why it stopped early if it did.
async fn pump(response: &mut Response, file: &mut File) -> (u64, Option<ResumeError>) {
    let mut written = 0;
    loop {
        match response.chunk().await {
            Ok(Some(piece)) => {
                if let Err(err) = file.write_all(&piece).await {
                    return (written, Some(ResumeError::File(err)));
                }
                written += piece.len() as u64;
            }
            Ok(None) => return (written, None),
            Err(err) => return (written, Some(ResumeError::Http(err))),
        }
    }
}

/// The length `Content-Length` gives, read as RFC 9110 §8.6 asks: one number, or a list of the
/// same number (from one header or several); `None` for anything else.
fn announced_length<'a>(values: impl Iterator<Item = &'a HeaderValue>) -> Option<u64> {
    let mut length = None;
    for value in values {
        for item in value.to_str().ok()?.split(',') {
            let item = item.trim();
            if item.is_empty() || !item.bytes().all(|byte| byte.is_ascii_digit()) {
                return None;
            }
            let number: u64 = item.parse().ok()?;
            match length {
                None => length = Some(number),
                Some(seen) if seen == number => {}
                Some(_) => return None,
            }
        }
    }
    length
}
