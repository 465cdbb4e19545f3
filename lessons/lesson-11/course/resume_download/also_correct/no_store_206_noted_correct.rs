//! Correct: the fixed form of `no_store_206_refused`: a right 206 that says `Cache-Control: no-store` is still noticed, but only noted on stderr ("the server marks these bytes as made for this request"), and appended like any other 206 from byte N, since only `Content-Range` says which bytes these are; the answer is matched on `(status, N)`, every 206 to a request that asked no range being refused (one of the two permitted choices), and the body is copied by a helper that returns how it stopped (all in, a break, a failed write) as a value, so that the one `flush` runs after it on every way out.
//!
//! A learner who first refused such 206s, then read that `Cache-Control` is addressed to caches and not to the client about the file's identity, would keep the check for a log line: it changes no outcome.
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

use lesson_11::{ResumeError, parse_content_range};
use reqwest::header::{CACHE_CONTROL, CONTENT_RANGE, RANGE};
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
    let (mut file, start) = match (response.status(), had) {
        (StatusCode::PARTIAL_CONTENT, 0) => {
            // No range was asked: this 206 is the server's mistake, refused.
            return Err(ResumeError::WrongRange {
                asked: 0,
                content_range: content_range_text(&response),
            });
        }
        (StatusCode::PARTIAL_CONTENT, _) => {
            let content_range = content_range_text(&response);
            if !is_the_rest(&content_range, had) {
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range,
                });
            }
            if says_no_store(&response) {
                eprintln!(
                    "note: the server marks the bytes from {had} on as made for this request \
                     (`Cache-Control: no-store`); appending them, as `{content_range}` says"
                );
            }
            let file = OpenOptions::new()
                .create(true)
                .append(true)
                .open(part)
                .await?;
            (file, had)
        }
        (StatusCode::OK, _) => (File::create(part).await?, 0),
        (status, _) => return Err(ResumeError::Status(status)),
    };
    let stop = pump(&mut response, &mut file, start).await;
    file.flush().await?;
    match stop {
        Stop::Done(size) => Ok(size),
        Stop::Broke(err) => Err(ResumeError::Http(err)),
        Stop::Disk(err) => Err(ResumeError::File(err)),
    }
}

/// How the copy of a body stopped.
enum Stop {
    /// Every byte in: the part's size.
    Done(u64),
    /// The body broke off; what came before is written.
    Broke(reqwest::Error),
    /// A write to the part failed.
    Disk(std::io::Error),
}

/// Writes the body to `file` piece by piece as it arrives, counting from `size`.
async fn pump(response: &mut Response, file: &mut File, mut size: u64) -> Stop {
    loop {
        match response.chunk().await {
            Ok(Some(piece)) => {
                if let Err(err) = file.write_all(&piece).await {
                    return Stop::Disk(err);
                }
                size += piece.len() as u64;
            }
            Ok(None) => return Stop::Done(size),
            Err(err) => return Stop::Broke(err),
        }
    }
}

/// The `Content-Range` as text, or `""` when there is none (or it is not visible ASCII).
fn content_range_text(response: &Response) -> String {
    response
        .headers()
        .get(CONTENT_RANGE)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

/// Whether a 206 with this `Content-Range` is the rest asked for: from byte `had` (over 0).
fn is_the_rest(content_range: &str, had: u64) -> bool {
    matches!(parse_content_range(content_range), Some((first, _)) if had > 0 && first == had)
}

/// Whether any `Cache-Control` of the answer holds the `no-store` directive.
fn says_no_store(response: &Response) -> bool {
    response
        .headers()
        .get_all(CACHE_CONTROL)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .any(|directive| directive.trim().eq_ignore_ascii_case("no-store"))
}
