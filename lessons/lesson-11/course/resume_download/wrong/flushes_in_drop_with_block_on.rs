//! Wrong: breaks "- no panic." for a call that its caller drops mid-body (a `select!` or `tokio::time::timeout` around it, which the chapter names: "Dropping the download's future instead would stop it too"): the part's guard flushes the file in its `Drop` with `tokio::runtime::Handle::current().block_on(..)`, and `block_on` inside a runtime panics ("Cannot start a runtime from within a runtime").
//!
//! The learner read the chapter's warning that a dropped download leaves tokio's `File` to finish
//! its last write in the background, and wants the flush to happen on that way out too. A `Drop`
//! cannot `.await`, so the guard that owns the file blocks on the flush through the current
//! runtime's handle, a pattern seen in many answers about "async drop". On every way the
//! function returns by itself (the end, a break, a failed write) the file is taken out of the
//! guard and flushed with `.await`, so the `Drop` has nothing to do and no ordinary download,
//! break or failure ever reaches `block_on`; only a caller that cancels the call does.
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

/// The part's file, flushed on every way out: by `close` when the call ends by itself, by `Drop`
/// when the caller drops the call.
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
        if let Some(mut file) = self.file.take() {
            // Cancelled mid-body: still make sure the last write is finished before we go.
            let _ = tokio::runtime::Handle::current().block_on(file.flush());
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
