//! Wrong: breaks "the body is written to `part` piece by piece as it arrives (`response.chunk()`)" (and so `Ok(size)` never comes) when the runtime that spawned the process-wide writer is alive but not driven
//! The actor pattern ("Actors with Tokio"): one task owns the disk for the whole process and every
//! download sends it its pieces. The learner had met the bug of a writer kept in a `static` that
//! died with the runtime that spawned it, and fixed it the way the docs suggest: when the channel
//! is closed (`Sender::is_closed`), a new writer is spawned on the current runtime. That passes two
//! calls on two runtimes, the first dropped before the second is built; but the writer belongs to
//! whichever runtime spawned it first, so a call on another runtime depends on that one being
//! alive *and driven*: a multi-thread runtime keeps working on its own, a current-thread one only
//! inside its `block_on`, so the call's first piece waits for ever.

use std::io::ErrorKind;
use std::path::Path;
use std::sync::{Mutex, PoisonError};

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;
use tokio::sync::{mpsc, oneshot};

/// One piece for the writer: the file it goes to (lent, and given back with the outcome), and the
/// bytes.
struct Job {
    file: File,
    piece: Box<dyn AsRef<[u8]> + Send>,
    done: oneshot::Sender<(File, std::io::Result<()>)>,
}

/// The process's disk writer, once one has been started.
static WRITER: Mutex<Option<mpsc::Sender<Job>>> = Mutex::new(None);

/// The writer: the one running, or a new one on the current runtime when the last one is gone
/// (its runtime was dropped, which closes its channel).
fn writer() -> mpsc::Sender<Job> {
    let mut slot = WRITER.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(sender) = slot.as_ref()
        && !sender.is_closed()
    {
        return sender.clone();
    }
    let (sender, jobs) = mpsc::channel(64);
    tokio::spawn(write_jobs(jobs));
    *slot = Some(sender.clone());
    sender
}

/// Writes each piece it is sent, and flushes it, in the order they come.
async fn write_jobs(mut jobs: mpsc::Receiver<Job>) {
    while let Some(Job {
        mut file,
        piece,
        done,
    }) = jobs.recv().await
    {
        let written = match file.write_all((*piece).as_ref()).await {
            Ok(()) => file.flush().await,
            Err(err) => Err(err),
        };
        // A caller that gave up does not want the file back.
        let _ = done.send((file, written));
    }
}

/// Has the writer write `piece` to `file`, and gives `file` back.
async fn write(file: File, piece: Box<dyn AsRef<[u8]> + Send>) -> Result<File, ResumeError> {
    let gone = || ResumeError::File(std::io::Error::other("the disk writer stopped"));
    let (done, outcome) = oneshot::channel();
    writer()
        .send(Job { file, piece, done })
        .await
        .map_err(|_| gone())?;
    let (file, written) = outcome.await.map_err(|_| gone())?;
    written?;
    Ok(file)
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
    loop {
        match response.chunk().await {
            Ok(Some(piece)) => {
                let length = piece.len() as u64;
                file = write(file, Box::new(piece)).await?;
                size += length;
            }
            Ok(None) => return Ok(size),
            // Every piece before the break was written and flushed by the writer.
            Err(err) => return Err(ResumeError::Http(err)),
        }
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
