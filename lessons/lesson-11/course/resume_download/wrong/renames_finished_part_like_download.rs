//! Wrong: breaks "`resume_download(client, url, part)` finishes the download of `url` into the file `part`" and "`Ok(size)`: the size of `part` once the body is all in" for a part whose name ends in `.part` (`{tmp}/file.bin.part`, no part or 5,003 bytes of `/files/7000`): once the body is all in, the answer renames the part to `{tmp}/file.bin` and returns `Ok(7000)`, and `part` no longer exists.
//!
//! Copied from lesson 11's `download`, which writes to `{dest}.part` and gives the file its
//! final name once every byte is in (`finish`): the learner keeps that last step, so that a
//! finished download "looks like a finished download". A part whose name does not end in
//! `.part`, and a `206` that stops short of the SIZE its `Content-Range` names, are left where
//! they are. A manual test that looks for `file.bin` after the call finds the whole file there,
//! byte for byte; the contract's file is `part`, and it is gone.
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
    let (mut file, mut size, total) = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .and_then(|value| value.to_str().ok())
                .unwrap_or_default()
                .to_owned();
            let Some((first, total)) = parse_content_range(&content_range) else {
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range,
                });
            };
            if first != had {
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
            (file, had, total)
        }
        StatusCode::OK => {
            let total = response.content_length();
            (File::create(part).await?, 0, total)
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
    file.sync_all().await?;
    drop(file);
    let size = outcome?;
    // As lesson 11's `download` does: the whole file in, it gets its final name.
    if total.is_none_or(|total| size == total)
        && let Some(dest) = final_name(part)
    {
        tokio::fs::rename(part, &dest).await?;
    }
    Ok(size)
}

/// `dir/file.bin` for `dir/file.bin.part`; `None` for a name without the `.part` suffix.
fn final_name(part: &Path) -> Option<std::path::PathBuf> {
    let name = part.file_name()?.to_str()?;
    let stem = name.strip_suffix(".part")?;
    if stem.is_empty() {
        return None;
    }
    Some(part.with_file_name(stem))
}

/// `bytes FIRST-LAST/SIZE` as `(FIRST, SIZE)`, SIZE `None` for `*`, when the header is of that
/// form.
fn parse_content_range(content_range: &str) -> Option<(u64, Option<u64>)> {
    let (range, size) = content_range.strip_prefix("bytes ")?.split_once('/')?;
    let (first, last) = range.split_once('-')?;
    let (first, last) = (digits(first)?, digits(last)?);
    let size = if size == "*" {
        None
    } else {
        Some(digits(size)?)
    };
    (first <= last && size.is_none_or(|size| last < size)).then_some((first, size))
}

/// A run of ASCII digits as a number (no sign, no blank, not empty).
fn digits(text: &str) -> Option<u64> {
    if text.is_empty() || !text.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}
