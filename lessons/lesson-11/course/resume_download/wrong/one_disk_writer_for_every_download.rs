//! Wrong: breaks "`Ok(size)`: the size of `part` once the body is all in, every byte written and flushed before the function returns"
//! The actor pattern ("Actors with Tokio"): one task owns the disk, and every download sends it
//! its pieces over a channel and waits for each to be written and flushed. The learner starts
//! that task the first time it is needed and keeps its sender in a `static OnceLock`, "so that
//! there is only ever one writer". The task lives on the runtime of the first call: once that
//! runtime is dropped (one `#[tokio::test]` ends, the next starts its own), the channel is
//! closed and every later call fails with `File(BrokenPipe)` after judging the answer.

use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;
use tokio::sync::{mpsc, oneshot};

/// One job for the writer: put `data` in the file at `path` (emptied first if `over`), then say
/// how it went.
struct Job {
    path: PathBuf,
    over: bool,
    data: Vec<u8>,
    done: oneshot::Sender<std::io::Result<()>>,
}

/// The one writer of every download, started on first use.
fn writer() -> &'static mpsc::UnboundedSender<Job> {
    static WRITER: OnceLock<mpsc::UnboundedSender<Job>> = OnceLock::new();
    WRITER.get_or_init(|| {
        let (sender, mut jobs) = mpsc::unbounded_channel::<Job>();
        tokio::spawn(async move {
            while let Some(job) = jobs.recv().await {
                let outcome = write_out(&job.path, job.over, &job.data).await;
                let _ = job.done.send(outcome);
            }
        });
        sender
    })
}

/// What the writer does with one job.
async fn write_out(path: &Path, over: bool, data: &[u8]) -> std::io::Result<()> {
    let mut file = if over {
        File::create(path).await?
    } else {
        OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .await?
    };
    file.write_all(data).await?;
    file.flush().await
}

/// Hands a job to the writer and waits until it is on disk.
async fn hand_over(path: &Path, over: bool, data: Vec<u8>) -> Result<(), ResumeError> {
    let gone = || {
        ResumeError::File(std::io::Error::new(
            ErrorKind::BrokenPipe,
            "the disk writer has stopped",
        ))
    };
    let (done, written) = oneshot::channel();
    writer()
        .send(Job {
            path: path.to_owned(),
            over,
            data,
            done,
        })
        .map_err(|_| gone())?;
    written
        .await
        .map_err(|_| gone())?
        .map_err(ResumeError::File)
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

    let (over, mut size) = match response.status() {
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
            (false, had)
        }
        StatusCode::OK => (true, 0),
        status => return Err(ResumeError::Status(status)),
    };

    // The first job opens the part (emptied for a 200) before any byte comes.
    hand_over(part, over, Vec::new()).await?;
    loop {
        match response.chunk().await {
            Ok(Some(piece)) => {
                hand_over(part, false, piece.to_vec()).await?;
                size += piece.len() as u64;
            }
            Ok(None) => return Ok(size),
            // Every piece before the break is on disk already.
            Err(err) => return Err(ResumeError::Http(err)),
        }
    }
}

/// FIRST of `bytes FIRST-LAST/SIZE` (SIZE a number or `*`), when the header has that form.
fn first_byte(content_range: &str) -> Option<u64> {
    let (unit, rest) = content_range.split_once(' ')?;
    if !unit.eq_ignore_ascii_case("bytes") {
        return None;
    }
    let (span, total) = rest.split_once('/')?;
    let (first, last) = span.split_once('-')?;
    let (first, last) = (number(first)?, number(last)?);
    if total != "*" {
        number(total)?;
    }
    (first <= last).then_some(first)
}

fn number(text: &str) -> Option<u64> {
    if text.is_empty() || !text.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}
