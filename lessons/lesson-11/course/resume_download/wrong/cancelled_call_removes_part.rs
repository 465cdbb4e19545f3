//! Wrong: breaks "`part`, which holds the first bytes of that file from an earlier attempt" and "every byte that arrived before the break written to `part`, so that a later call resumes from there" for a call that its caller drops mid-body (the chapter: "Dropping the download's future instead would stop it too")
//! What the learner did: a careful download (size, `Range`, status and `Content-Range` checked
//! before the part is touched, one handle, each piece written as it comes, a flush on every way
//! out, `Err(Http)` at a break with what came kept), plus a guard armed once the body starts:
//! if the call's future is dropped before the body is over (the caller's
//! `tokio::time::timeout`, a `select!` on Ctrl-C, an aborted task), the guard's `Drop` deletes
//! the part; it is disarmed on every way the call itself returns, `Ok` or `Err`.
//! Why a learner thinks it right: it is Python's
//! `except asyncio.CancelledError: os.remove(part); raise`, the habit of leaving no half-written
//! file behind when a download is cancelled; a break, which the contract speaks of, still keeps
//! its bytes. But a cancelled call is a download cut short like any other: the part, with the
//! earlier attempt's N bytes as well as this call's, is exactly what the next call must resume
//! from, and the caller gets nothing back at all.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// Deletes the part when dropped armed: the call was cancelled mid-body.
struct RemoveIfCancelled<'a> {
    part: &'a Path,
    armed: bool,
}

impl Drop for RemoveIfCancelled<'_> {
    fn drop(&mut self) {
        if self.armed {
            let _ = std::fs::remove_file(self.part);
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
    let (mut file, mut size) = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .map(|value| String::from_utf8_lossy(value.as_bytes()).into_owned())
                .unwrap_or_default();
            let starts_right = matches!(
                lesson_11::parse_content_range(&content_range),
                Some((first, _)) if had > 0 && first == had
            );
            if !starts_right {
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range,
                });
            }
            (OpenOptions::new().append(true).open(part).await?, had)
        }
        StatusCode::OK => (File::create(part).await?, 0),
        status => return Err(ResumeError::Status(status)),
    };

    let mut guard = RemoveIfCancelled { part, armed: true };
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
    let flushed = file.flush().await;
    // The call ends by itself: whatever the outcome, the part stays.
    guard.armed = false;
    drop(guard);
    let size = outcome?;
    flushed?;
    Ok(size)
}
