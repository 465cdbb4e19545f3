//! Wrong: breaks "the body is written to `part` piece by piece as it arrives" and "`Ok(size)`: the size of `part` once the body is all in" for a call that another call starts beside while its body is coming
//! Each call writes through a task of its own (`tokio::spawn`, fed over a channel), so reading the
//! network and writing the disk overlap. The learner worried that a call whose caller gave up on
//! it (its future dropped) leaves its writer task running, still holding and writing a part, so
//! the writers' `AbortHandle`s are kept in a `static` list and each call starts by tidying up:
//! every writer in the list is aborted. Alone, or with calls started together, nothing is lost;
//! but a call that starts while another one's body is still coming kills that one's writer, and
//! the other call fails (`Err(File)`) with the rest of its body never written.

use std::io::ErrorKind;
use std::path::Path;
use std::sync::{Mutex, MutexGuard, PoisonError};

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;
use tokio::sync::mpsc;
use tokio::task::AbortHandle;

/// The writer tasks started by calls of this process: any still running when a call starts are
/// leftovers of a call that was given up.
static WRITERS: Mutex<Vec<AbortHandle>> = Mutex::new(Vec::new());

fn writers() -> MutexGuard<'static, Vec<AbortHandle>> {
    WRITERS.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Writes every piece that comes over `pieces` to `file`, then flushes it.
async fn write_pieces<T>(mut file: File, mut pieces: mpsc::Receiver<T>) -> std::io::Result<()>
where
    T: AsRef<[u8]> + Send + 'static,
{
    while let Some(piece) = pieces.recv().await {
        file.write_all(piece.as_ref()).await?;
    }
    file.flush().await
}

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    // Tidy up: no writer left over from an earlier call may still be at work.
    let leftovers = std::mem::take(&mut *writers());
    for writer in leftovers {
        writer.abort();
    }

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
                .map(|value| String::from_utf8_lossy(value.as_bytes()).into_owned())
                .unwrap_or_default();
            if first_byte(&content_range) != Some(had) {
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
            (file, had)
        }
        StatusCode::OK => (File::create(part).await?, 0),
        status => return Err(ResumeError::Status(status)),
    };

    let (to_writer, pieces) = mpsc::channel(1);
    let writer = tokio::spawn(write_pieces(file, pieces));
    writers().push(writer.abort_handle());
    let outcome = loop {
        match response.chunk().await {
            Ok(Some(piece)) => {
                let length = piece.len() as u64;
                if to_writer.send(piece).await.is_err() {
                    // The writer is gone: its own result says why.
                    break Ok(size);
                }
                size += length;
            }
            Ok(None) => break Ok(size),
            Err(err) => break Err(ResumeError::Http(err)),
        }
    };
    // No more pieces: the writer writes what it holds, flushes, and ends.
    drop(to_writer);
    match writer.await {
        Ok(Ok(())) => outcome,
        Ok(Err(err)) => Err(ResumeError::File(err)),
        Err(stopped) => Err(ResumeError::File(std::io::Error::other(stopped))),
    }
}

/// The FIRST of `bytes FIRST-LAST/SIZE` (SIZE a number or `*`), or `None` for any other form.
fn first_byte(content_range: &str) -> Option<u64> {
    let (range, size) = content_range.strip_prefix("bytes ")?.split_once('/')?;
    let (first, last) = range.split_once('-')?;
    let (first, last) = (number(first)?, number(last)?);
    if size != "*" {
        number(size)?;
    }
    (first <= last).then_some(first)
}

/// Plain ASCII digits as a `u64` (no sign, no spaces).
fn number(text: &str) -> Option<u64> {
    if text.is_empty() || !text.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}
