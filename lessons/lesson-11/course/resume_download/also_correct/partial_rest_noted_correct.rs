//! Correct: the fixed form of `requires_range_to_the_end`: a `206` from byte N that stops short of the file's end (`bytes 5003-5102/7000` to a part of 5,003 bytes) is appended like any other, and only once its body is all in is the shortfall noted on stderr (how many bytes the file still lacks, when SIZE is given), the call returning `Ok` of the part's size; the answer is matched on `(status, N)`, every 206 to a request that asked no range being refused (one of the two permitted choices), and the `Content-Range` is parsed by hand into FIRST, LAST and SIZE.
//!
//! A learner who knows a server may send less than asked (RFC 9110 lets it) and wants the user
//! told, but leaves the asking again to the caller, as the contract does: one GET, and the part
//! holds what came.
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

/// `bytes FIRST-LAST/SIZE` (SIZE a number, or `*` when the server does not know it) as
/// `(FIRST, LAST, SIZE)`; `None` for any other form, `bytes */SIZE` among them.
fn range_of(text: &str) -> Option<(u64, u64, Option<u64>)> {
    let (range, total) = text.strip_prefix("bytes ")?.split_once('/')?;
    let (first, last) = range.split_once('-')?;
    let first: u64 = first.parse().ok()?;
    let last: u64 = last.parse().ok()?;
    let total = match total {
        "*" => None,
        total => Some(total.parse::<u64>().ok()?),
    };
    (first <= last && total.is_none_or(|total| last < total)).then_some((first, last, total))
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
    let content_range_text = response
        .headers()
        .get(CONTENT_RANGE)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let (mut file, mut size, span) = match (response.status(), had) {
        (StatusCode::PARTIAL_CONTENT, 0) => {
            return Err(ResumeError::WrongRange {
                asked: 0,
                content_range: content_range_text,
            });
        }
        (StatusCode::PARTIAL_CONTENT, _) => match range_of(&content_range_text) {
            Some((first, last, total)) if first == had => {
                let file = OpenOptions::new().append(true).open(part).await?;
                (file, had, Some((last, total)))
            }
            _ => {
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range: content_range_text,
                });
            }
        },
        (StatusCode::OK, _) => (File::create(part).await?, 0, None),
        (status, _) => return Err(ResumeError::Status(status)),
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
    if let (Ok(size), Some((last, Some(total)))) = (&outcome, span) {
        if last + 1 < total {
            eprintln!(
                "{}: the server sent up to byte {last} of {total}: {} bytes still to come",
                part.display(),
                total.saturating_sub(*size)
            );
        }
    }
    outcome
}
