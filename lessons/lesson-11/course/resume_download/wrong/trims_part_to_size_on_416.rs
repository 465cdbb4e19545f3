//! Wrong: breaks "any other status (a 416, a 404, a 503, a 300 …): `Err(ResumeError::Status(status))`, and `part` is left as it was" for a `416` to a part longer than the file (a part of 5,003 bytes answered `416` with `Content-Range: bytes */4000`): the answer returns the right `Err(ResumeError::Status(416))`, but first cuts the part to 4,000 bytes.
//!
//! A `416` with `bytes */SIZE` says how big the file is now; the learner reasons that nothing
//! past byte SIZE can belong to it, and trims the part to SIZE "so that the next call asks for
//! the right thing" (it then sends `bytes=4000-`, gets a 416 for the whole part, and the part
//! looks complete). The status is reported as the contract asks, so a test that only looks at
//! the error passes; but the file changed, its first 4,000 bytes are not those of the part, and
//! the part was not the answer's to touch. A 416 for a part exactly the file's size, or one
//! that does not say the size, is left alone.
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
    let content_range = response
        .headers()
        .get(CONTENT_RANGE)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let (mut file, mut size) = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
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
        StatusCode::RANGE_NOT_SATISFIABLE => {
            // Nothing from byte N on: the file is SIZE bytes now. Whatever the part holds past
            // SIZE cannot be the file's; cut it off, so that the next call asks from SIZE.
            if let Some(file_size) = unsatisfied_size(&content_range)
                && file_size < had
            {
                let file = OpenOptions::new().write(true).open(part).await?;
                file.set_len(file_size).await?;
                file.sync_all().await?;
            }
            return Err(ResumeError::Status(StatusCode::RANGE_NOT_SATISFIABLE));
        }
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

/// SIZE of a 416's `bytes */SIZE`.
fn unsatisfied_size(content_range: &str) -> Option<u64> {
    digits(content_range.strip_prefix("bytes */")?)
}

/// FIRST of `bytes FIRST-LAST/SIZE` (SIZE may be `*`), when the header is of that form.
fn first_byte(content_range: &str) -> Option<u64> {
    let (range, size) = content_range.strip_prefix("bytes ")?.split_once('/')?;
    let (first, last) = range.split_once('-')?;
    let (first, last) = (digits(first)?, digits(last)?);
    let size = if size == "*" {
        None
    } else {
        Some(digits(size)?)
    };
    (first <= last && size.is_none_or(|size| last < size)).then_some(first)
}

/// A run of ASCII digits as a number (no sign, no blank, not empty).
fn digits(text: &str) -> Option<u64> {
    if text.is_empty() || !text.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}
