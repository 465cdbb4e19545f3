//! Wrong: breaks "`resume_download(client, url, part)` finishes the download of `url` into the file `part`" for a part whose name ends in `.part` once the download is whole: a file of the user's under the name without `.part` (`{tmp}/report.pdf` beside `{tmp}/report.pdf.part`) is deleted and replaced.
//!
//! The part is written exactly as the contract asks, and it stays where it is; but when the body
//! is all in and the file is whole (a `200` whose body ended, or a `206` whose `Content-Range`
//! SIZE is the size reached), the answer does what lesson 11's `download` does at the end, in a
//! way that keeps `part` intact for the contract's `Ok(size)`: it removes whatever is under the
//! final name (the part's name without `.part`) and hard-links the part there, "so the user gets
//! the file at once, without copying a byte". A learner who read the lesson's `finish` and the
//! exercise's "the size of `part`" writes exactly this; every check that looks only at the part
//! passes, and one whose final name already holds the same bytes sees the same bytes there.
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

    // Where the body goes, and how large the whole file is (when the server says).
    let (mut file, mut size, whole_size) = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .and_then(|value| value.to_str().ok())
                .unwrap_or_default()
                .to_owned();
            match lesson_11::parse_content_range(&content_range) {
                Some((first, total)) if had > 0 && first == had => (
                    OpenOptions::new().append(true).open(part).await?,
                    had,
                    total,
                ),
                _ => {
                    return Err(ResumeError::WrongRange {
                        asked: had,
                        content_range,
                    });
                }
            }
        }
        StatusCode::OK => {
            // The whole file: what the body holds is all of it, whatever its length.
            (File::create(part).await?, 0, None)
        }
        status => return Err(ResumeError::Status(status)),
    };
    let is_whole_body = response.status() == StatusCode::OK;

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
    let size = outcome?;

    // The file is whole: give it its final name too, as lesson 11's `download` does, but keep
    // the part, whose size the caller is told.
    let whole = whole_size.map_or(is_whole_body, |total| total == size);
    if whole {
        if let Err(err) = publish(part).await {
            eprintln!(
                "{}: could not give the file its final name: {err}",
                part.display()
            );
        }
    }
    Ok(size)
}

/// Links `{name}.part` as `{name}`, replacing what was there.
async fn publish(part: &Path) -> std::io::Result<()> {
    let Some(name) = part.file_name().and_then(|name| name.to_str()) else {
        return Ok(());
    };
    let Some(final_name) = name.strip_suffix(".part").filter(|name| !name.is_empty()) else {
        return Ok(());
    };
    let dest = part.with_file_name(final_name);
    match tokio::fs::remove_file(&dest).await {
        Err(err) if err.kind() != ErrorKind::NotFound => return Err(err),
        _ => {}
    }
    tokio::fs::hard_link(part, &dest).await
}
