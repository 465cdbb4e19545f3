//! Correct: the fixed form of `span_must_match_content_length`: a right `206` is still compared with its own `Content-Length` (the range LAST − FIRST + 1 against the announced length, worked out with checked arithmetic, so `bytes 0-18446744073709551615/*` cannot overflow), but a mismatch, or a length not given (a `206` in chunks), is only noted on stderr, and the body is appended all the same, as the contract asks of any `206` from byte N.
//!
//! A learner who has read that a `206` must carry consistent framing keeps the comparison as a
//! diagnostic: hyper already holds the body to its `Content-Length`, and the part's bytes are
//! whatever arrived, so the note changes no outcome. The `Content-Range` is parsed into its three
//! fields (FIRST, LAST, SIZE or `*`), held to `FIRST <= LAST < SIZE`; a 206 to a request that
//! asked no range is appended when it starts at byte 0 (the part created), one of the two
//! permitted choices.
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
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// `bytes FIRST-LAST/SIZE`, SIZE `None` for `*`.
struct ByteRange {
    first: u64,
    last: u64,
    size: Option<u64>,
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
    let (mut file, mut size) = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .and_then(|value| value.to_str().ok())
                .unwrap_or_default()
                .to_owned();
            let range = match parse_byte_range(&content_range) {
                Some(range) if range.first == had => range,
                _ => {
                    return Err(ResumeError::WrongRange {
                        asked: had,
                        content_range,
                    });
                }
            };
            // A diagnostic only: the body is what arrives, whatever the head announced.
            let span = (range.last - range.first).checked_add(1);
            match (span, response.content_length()) {
                (Some(span), Some(length)) if span != length => eprintln!(
                    "{}: `Content-Range: {content_range}` names {span} bytes, \
                     `Content-Length` {length}; appending what arrives",
                    part.display()
                ),
                (_, None) => eprintln!(
                    "{}: a 206 with no `Content-Length` (bytes {}-{} of {}); appending what arrives",
                    part.display(),
                    range.first,
                    range.last,
                    range
                        .size
                        .map_or_else(|| "*".to_owned(), |size| size.to_string())
                ),
                _ => {}
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

/// `bytes FIRST-LAST/SIZE` (SIZE may be `*`), held to `FIRST <= LAST < SIZE`.
fn parse_byte_range(content_range: &str) -> Option<ByteRange> {
    let (range, size) = content_range.strip_prefix("bytes ")?.split_once('/')?;
    let (first, last) = range.split_once('-')?;
    let (first, last) = (digits(first)?, digits(last)?);
    let size = if size == "*" {
        None
    } else {
        Some(digits(size)?)
    };
    (first <= last && size.is_none_or(|size| last < size)).then_some(ByteRange {
        first,
        last,
        size,
    })
}

/// A run of ASCII digits as a number (no sign, no blank, not empty).
fn digits(text: &str) -> Option<u64> {
    if text.is_empty() || !text.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}
