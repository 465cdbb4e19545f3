//! Correct: a small guard notes on stderr when the call is dropped halfway through a body ("x.part: stopped after 300000 bytes, run again to resume"), and does nothing else: its `Drop` only prints (no runtime, no file, no task), so it cannot panic outside a runtime or change what the part holds; every way out of the loop flushes, and a flag disarms the guard before the call returns.
//!
//! The learner read the chapter's "Dropping the download's future instead would stop it too"
//! and wanted the program's user to know, since a dropped future says nothing. The part is
//! handled as lesson 11's loop handles it: the answer is judged first, the part opened once
//! (`append` for a right 206, `File::create` for a 200), each piece written as it comes and the
//! size counted, the break kept as a value so that the flush runs; a `206` to a request that
//! asked no range is refused (one of the two permitted choices).
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

/// Says on stderr how far a download came when its future is dropped before it ends.
struct StopNote<'a> {
    part: &'a Path,
    size: u64,
    ended: bool,
}

impl Drop for StopNote<'_> {
    fn drop(&mut self) {
        if !self.ended {
            eprintln!(
                "{}: stopped after {} bytes, run again to resume",
                self.part.display(),
                self.size
            );
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
    let (mut file, from) = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .and_then(|value| value.to_str().ok())
                .unwrap_or_default()
                .to_owned();
            match parse_content_range(&content_range) {
                Some((first, _)) if had > 0 && first == had => {
                    (OpenOptions::new().append(true).open(part).await?, had)
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

    let mut note = StopNote {
        part,
        size: from,
        ended: false,
    };
    let outcome = loop {
        match response.chunk().await {
            Ok(Some(piece)) => {
                if let Err(err) = file.write_all(&piece).await {
                    break Err(ResumeError::File(err));
                }
                note.size += piece.len() as u64;
            }
            Ok(None) => break Ok(note.size),
            Err(err) => break Err(ResumeError::Http(err)),
        }
    };
    // Not dropped: whatever comes next, the call ends here and says so itself.
    note.ended = true;
    file.flush().await?;
    outcome
}
