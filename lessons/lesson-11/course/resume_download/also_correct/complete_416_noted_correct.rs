//! Correct: the fixed form of `complete_part_416_is_ok`: a `416` to a resume is still read for what it says (`Content-Range: bytes */SIZE`, parsed without a panic whatever form it has, or none), and a part of exactly SIZE bytes is noted on stderr as looking complete (a smaller SIZE as another version of the file), but the call returns `Err(ResumeError::Status(416))` with the part untouched, as for every status but 200 and 206; a 206 to a request that asked no range is appended when it starts at byte 0 (the part created: the other permitted choice), and `bytes */SIZE` is no range from byte 0.
//!
//! A learner who knows what a 416 means for a downloader (the lesson finishes a complete part on
//! it) but keeps to the contract: the knowledge goes to the log, the outcome stays the status. The
//! `Content-Range` of a 206 is parsed by hand into FIRST, LAST and SIZE, so that the star form
//! cannot pass for a range that starts at 0.
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
use reqwest::{Client, Response, StatusCode};
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

/// Says on stderr what a `416` to a resume from byte `had` tells of the part; changes nothing.
fn note_unsatisfiable(response: &Response, part: &Path, had: u64) {
    let size = response
        .headers()
        .get(CONTENT_RANGE)
        .and_then(|value| value.to_str().ok())
        .and_then(|text| text.trim().strip_prefix("bytes */"))
        .and_then(|size| size.parse::<u64>().ok());
    match size {
        Some(size) if size == had => eprintln!(
            "{}: the server has nothing past its {had} bytes: the part looks complete",
            part.display()
        ),
        Some(size) => eprintln!(
            "{}: the part holds {had} bytes, the file on the server {size}: another version",
            part.display()
        ),
        None => eprintln!(
            "{}: the server has nothing from byte {had} on",
            part.display()
        ),
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
    let mut response = request.send().await?;
    let (mut file, mut size) = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .and_then(|value| value.to_str().ok())
                .unwrap_or_default()
                .to_owned();
            match range_of(&content_range) {
                // From the byte asked for; with N = 0 (no range asked), one from byte 0 is the
                // file from its start, and goes into a part made for it.
                Some((first, _, _)) if first == had => {}
                _ => {
                    return Err(ResumeError::WrongRange {
                        asked: had,
                        content_range,
                    });
                }
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
            if had > 0 {
                note_unsatisfiable(&response, part, had);
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
