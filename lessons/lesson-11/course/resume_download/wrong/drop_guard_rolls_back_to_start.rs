//! Wrong: breaks "a body that breaks off is `Err(ResumeError::Http(err))`, with every byte that arrived before the break written to `part`, so that a later call resumes from there" for a call that its caller drops mid-body (a `select!` or `tokio::time::timeout` around it, as the chapter says: "Dropping the download's future instead would stop it too"): a guard cuts `part` back, as the call is dropped, to the size it had when the body began (N for a right `206`, 0 for a `200`), so the bytes this call wrote are gone and the next call asks for them again.
//!
//! The learner treats a cancelled call as a transaction to roll back: "the caller gave up on
//! it, so it must change nothing". A guard made once the part is opened remembers where the
//! body started and, if it is dropped still armed, truncates the part there with a plain
//! `std::fs` `set_len` (a `Drop` cannot await). Each piece is flushed before the next is read,
//! so no write of tokio's `File` is still in flight when that happens. Every way the function
//! itself returns (the end, a break, a failed write) disarms the guard first, so a break keeps
//! its bytes as the contract asks; only a dropped call loses them. The part is neither deleted
//! nor grown afterwards, which is all a quick look at a cancelled download checks.
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
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// Cuts the part back to where this call's body started, unless disarmed: a dropped call
/// leaves the part as it found it.
struct RollBack<'a> {
    part: &'a Path,
    to: u64,
    armed: bool,
}

impl Drop for RollBack<'_> {
    fn drop(&mut self) {
        if self.armed
            && let Ok(file) = std::fs::OpenOptions::new().write(true).open(self.part)
        {
            let _ = file.set_len(self.to);
        }
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

    let (mut file, start) = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .and_then(|value| value.to_str().ok())
                .unwrap_or_default()
                .to_owned();
            match parse_content_range(&content_range) {
                Some((first, _)) if had > 0 && first == had => {
                    let file = OpenOptions::new()
                        .create(true)
                        .append(true)
                        .open(part)
                        .await?;
                    (file, had)
                }
                _ => {
                    return Err(ResumeError::WrongRange {
                        asked: had,
                        content_range,
                    });
                }
            }
        }
        StatusCode::OK => (File::create(part).await?, 0),
        status => return Err(ResumeError::Status(status)),
    };

    let mut guard = RollBack {
        part,
        to: start,
        armed: true,
    };
    let mut size = start;
    let outcome = loop {
        match response.chunk().await {
            Ok(Some(piece)) => {
                // Written and flushed before the next read: what the guard would cut is on disk.
                let written = match file.write_all(&piece).await {
                    Ok(()) => file.flush().await,
                    Err(err) => Err(err),
                };
                if let Err(err) = written {
                    break Err(ResumeError::File(err));
                }
                size += piece.len() as u64;
            }
            Ok(None) => break Ok(size),
            Err(err) => break Err(ResumeError::Http(err)),
        }
    };
    let flushed = file.flush().await;
    // The call ends on its own: whatever it wrote stays.
    guard.armed = false;
    flushed?;
    outcome
}
