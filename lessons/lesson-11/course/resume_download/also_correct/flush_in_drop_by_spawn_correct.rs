//! Correct: the fixed form of `flushes_in_drop_with_block_on`: the part's file lives in a guard whose `Drop` still flushes it when the caller drops the call mid-body, but without blocking: it hands the file to a task of its own on the runtime that is there (`Handle::try_current`, and nothing at all when there is none), which flushes it and lets it go; on every way the function returns by itself the file is taken out of the guard and flushed with `.await`, so the `Drop` finds nothing to do.
//!
//! Unusual, but within the contract: a dropped call's future is only ever dropped between two
//! pieces or during a write, and the spawned flush only waits for a write tokio's `File` had
//! already started (which would finish in the background anyway): it adds no byte the call had
//! not written, deletes nothing, and never blocks or panics inside a `Drop`, even on a
//! `current_thread` runtime or one being shut down (a task spawned then is dropped at once).
//! Everything else is the reference shape: the lesson's `parse_content_range` judges a `206`,
//! every `206` to a request that asked no range is refused (one of the two permitted choices), a
//! `200` empties the part with `File::create`, and the loop matches on `chunk()` so that a break
//! still reaches the flush.
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

/// The part's file, flushed on every way out: by `close` when the call ends by itself, by a
/// task of its own when the caller drops the call.
struct FlushOnDrop {
    file: Option<File>,
}

impl FlushOnDrop {
    async fn write(&mut self, piece: &[u8]) -> std::io::Result<()> {
        match self.file.as_mut() {
            Some(file) => file.write_all(piece).await,
            None => Ok(()),
        }
    }

    async fn close(mut self) -> std::io::Result<()> {
        match self.file.take() {
            Some(mut file) => file.flush().await,
            None => Ok(()),
        }
    }
}

impl Drop for FlushOnDrop {
    fn drop(&mut self) {
        // A `Drop` cannot await, and must not block a runtime's thread: the flush goes to a task.
        if let Some(mut file) = self.file.take()
            && let Ok(handle) = tokio::runtime::Handle::try_current()
        {
            drop(handle.spawn(async move {
                let _ = file.flush().await;
            }));
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

    let (file, mut size) = match response.status() {
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

    let mut writer = FlushOnDrop { file: Some(file) };
    let outcome = loop {
        match response.chunk().await {
            Ok(Some(piece)) => {
                if let Err(err) = writer.write(&piece).await {
                    break Err(ResumeError::File(err));
                }
                size += piece.len() as u64;
            }
            Ok(None) => break Ok(size),
            Err(err) => break Err(ResumeError::Http(err)),
        }
    };
    writer.close().await?;
    outcome
}
