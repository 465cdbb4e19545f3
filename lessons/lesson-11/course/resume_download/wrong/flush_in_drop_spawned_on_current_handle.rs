//! Wrong: breaks "- no panic." for a call whose future is dropped mid-body outside any runtime (a caller that polls it inside `block_on` with a `select!` against a timer, keeps it when the timer wins, and drops it once `block_on` has returned; or a future held in a struct that is dropped after its runtime): the guard's `Drop` calls `tokio::runtime::Handle::current()`, which panics there.
//!
//! The learner read the chapter's warning ("tokio's `File` finishes a write it had started in
//! the background") and wants a dropped call's last piece flushed too: the part's `File` lives
//! in a guard whose `Drop` hands it to a task on "the" runtime, `Handle::current().spawn(..)`,
//! to flush it. Every way the function returns by itself takes the file out of the guard and
//! flushes it with `.await`, so the guard is only ever left holding it when the caller drops the
//! call. A `select!` or `timeout` inside the caller's task drops it where a runtime is current,
//! and all goes well; dropped anywhere else, `Handle::current()` panics ("there is no reactor
//! running"), where `Handle::try_current()` would have said so.
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

/// The part's file while the body streams; flushed in the background if the call is dropped.
struct PartFile(Option<File>);

impl Drop for PartFile {
    fn drop(&mut self) {
        if let Some(mut file) = self.0.take() {
            // Dropped mid-body: let the runtime finish the last write and flush it.
            tokio::runtime::Handle::current().spawn(async move {
                let _ = file.flush().await;
            });
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
            match lesson_11::parse_content_range(&content_range) {
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
    let mut guard = PartFile(Some(file));

    let outcome = loop {
        match response.chunk().await {
            Ok(Some(piece)) => {
                if let Some(file) = guard.0.as_mut()
                    && let Err(err) = file.write_all(&piece).await
                {
                    break Err(ResumeError::File(err));
                }
                size += piece.len() as u64;
            }
            Ok(None) => break Ok(size),
            Err(err) => break Err(ResumeError::Http(err)),
        }
    };
    // Returning by itself: flush here, and leave the guard nothing to do.
    if let Some(mut file) = guard.0.take() {
        file.flush().await?;
    }
    outcome
}
