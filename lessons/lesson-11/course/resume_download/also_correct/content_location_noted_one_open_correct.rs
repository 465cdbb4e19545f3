//! Correct: the fixed form of `content_location_206_refused`: a right 206 whose `Content-Location` names another path is noted on stderr and appended all the same; the status is sorted with an `if` / `else if` chain into "replace" (a 200) or "append" (a right 206), and only then is the part opened, once, with `create` + `append` for both, a 200 emptying it through that handle with `set_len(0)` (appending then writes from byte 0). It takes the other permitted choice for a 206 to a request that asked no range: one whose `Content-Range` is `bytes 0-LAST/SIZE` (or `/*`) is appended, the part created; `bytes */SIZE`, another first byte, or none, is refused.
//!
//! A learner who first feared that `Content-Location` meant another representation, then read that the `Content-Range` is what says which bytes these are, would keep the check for a log line: it changes no outcome.
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
use reqwest::header::{CONTENT_LOCATION, CONTENT_RANGE, RANGE};
use reqwest::{Client, Response, StatusCode};
use tokio::fs::OpenOptions;
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
    let status = response.status();
    let replace = if status == StatusCode::OK {
        true
    } else if status == StatusCode::PARTIAL_CONTENT {
        let content_range = content_range_text(&response);
        if !starts_at(&content_range, had) {
            return Err(ResumeError::WrongRange {
                asked: had,
                content_range,
            });
        }
        if let Some(named) = named_elsewhere(&response) {
            eprintln!(
                "note: the bytes from {had} on come labelled `Content-Location: {named}`; appended as `{content_range}` says"
            );
        }
        false
    } else {
        return Err(ResumeError::Status(status));
    };
    let mut file = OpenOptions::new()
        .create(true)
        .append(true)
        .open(part)
        .await?;
    if replace {
        file.set_len(0).await?;
    }
    let mut size = if replace { 0 } else { had };

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

/// The `Content-Range` as text, or `""` when there is none (or it is not visible ASCII).
fn content_range_text(response: &Response) -> String {
    response
        .headers()
        .get(CONTENT_RANGE)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

/// Whether a 206 with this `Content-Range` starts where the part ends: at byte `had` when a
/// range was asked; with none asked (`had` 0), only a range written from byte 0 (`bytes 0-…`,
/// not the `bytes */SIZE` form, which the lesson's parser also reads as 0).
fn starts_at(content_range: &str, had: u64) -> bool {
    match parse_content_range(content_range) {
        Some((first, _)) if had > 0 => first == had,
        Some((0, _)) => content_range.trim().starts_with("bytes 0-"),
        _ => false,
    }
}

/// The answer's `Content-Location`, when it names another path than the one asked for.
fn named_elsewhere(response: &Response) -> Option<String> {
    let location = response
        .headers()
        .get(CONTENT_LOCATION)
        .and_then(|value| value.to_str().ok())?;
    let named = response.url().join(location).ok()?;
    (named.path() != response.url().path()).then(|| location.to_owned())
}
