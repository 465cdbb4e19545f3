//! Correct: the fixed form of `last_modified_same_second_as_date_refused`: a right 206 whose `Last-Modified` is the same second as its `Date` (a weak validator by RFC 9110 §8.8.2.2) is still noticed, but only noted on stderr, and appended like any other 206 from byte N, since the contract judges a 206 by its `Content-Range` alone; the answer is first sorted by a pure `judge(status, content_range, had)` into "append", "start again" or the error, every 206 to a request that asked no range being refused (one of the two permitted choices).
//!
//! A learner who read the RFC's rules on strong validators and kept them as a warning, not a
//! verdict: this function stores no validator to compare, so there is nothing for a weak one to
//! fail against.
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
use reqwest::header::{CONTENT_RANGE, DATE, LAST_MODIFIED, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// Where an answer's body goes.
enum Destination {
    /// After the `had` bytes the part holds.
    Append,
    /// Into the emptied part, from its first byte.
    StartAgain,
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

    let headers = response.headers();
    let content_range = headers
        .get(CONTENT_RANGE)
        .map(|value| value.to_str().unwrap_or_default().to_owned());
    let destination = judge(response.status(), content_range, had)?;
    if let Destination::Append = destination
        && let (Some(modified), Some(date)) = (headers.get(LAST_MODIFIED), headers.get(DATE))
        && modified.as_bytes() == date.as_bytes()
    {
        eprintln!(
            "{}: the server's Last-Modified is the second it answered (a weak validator); \
             appending by Content-Range all the same",
            part.display()
        );
    }

    let (mut file, mut size) = match destination {
        Destination::Append => {
            let file = OpenOptions::new()
                .create(true)
                .append(true)
                .open(part)
                .await?;
            (file, had)
        }
        Destination::StartAgain => (File::create(part).await?, 0),
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

/// Where the body of an answer with `status` and `content_range` goes, for a part of `had` bytes.
fn judge(
    status: StatusCode,
    content_range: Option<String>,
    had: u64,
) -> Result<Destination, ResumeError> {
    match status {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = content_range.unwrap_or_default();
            let first = content_range
                .strip_prefix("bytes ")
                .and_then(|rest| rest.split_once('-'))
                .and_then(|(first, _)| first.parse::<u64>().ok());
            if had > 0 && first == Some(had) {
                Ok(Destination::Append)
            } else {
                Err(ResumeError::WrongRange {
                    asked: had,
                    content_range,
                })
            }
        }
        StatusCode::OK => Ok(Destination::StartAgain),
        status => Err(ResumeError::Status(status)),
    }
}
