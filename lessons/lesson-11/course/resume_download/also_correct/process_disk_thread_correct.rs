//! Correct: state that outlives every call and every runtime, kept so that it belongs to none: one
//! plain `std::thread` for the whole process does every disk operation (the part's size, its open,
//! each piece's write), started by the first call that needs it and kept in a `static` as the
//! sending end of a `std::sync::mpsc` channel; each job answers over a `tokio::sync::oneshot`, which
//! any runtime can await. Calls side by side queue their jobs one piece at a time, so each part
//! still grows as its body arrives; a thread that has died (it never should) is replaced.

use std::fs::{File, OpenOptions};
use std::io::{self, ErrorKind, Write};
use std::path::Path;
use std::sync::{Arc, Mutex, PoisonError, mpsc};

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};

type Job = Box<dyn FnOnce() + Send>;

/// The way to the process's disk thread, once it is started.
static DISK: Mutex<Option<mpsc::Sender<Job>>> = Mutex::new(None);

fn disk_thread() -> io::Result<mpsc::Sender<Job>> {
    let mut slot = DISK.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(sender) = slot.as_ref() {
        return Ok(sender.clone());
    }
    let (sender, jobs) = mpsc::channel::<Job>();
    std::thread::Builder::new()
        .name("part-disk".to_owned())
        .spawn(move || {
            for job in jobs {
                job();
            }
        })?;
    *slot = Some(sender.clone());
    Ok(sender)
}

/// Runs `work` on the disk thread and waits for its answer without holding the runtime's thread.
async fn on_disk<T, F>(work: F) -> io::Result<T>
where
    F: FnOnce() -> io::Result<T> + Send + 'static,
    T: Send + 'static,
{
    let (reply, answer) = tokio::sync::oneshot::channel();
    let job: Job = Box::new(move || {
        let _ = reply.send(work());
    });
    if disk_thread()?.send(job).is_err() {
        // The thread is gone: forget it, so that the next job starts another.
        *DISK.lock().unwrap_or_else(PoisonError::into_inner) = None;
        return Err(io::Error::other("the disk thread has stopped"));
    }
    answer
        .await
        .map_err(|_| io::Error::other("the disk thread has stopped"))?
}

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let path = part.to_owned();
    let had = on_disk(move || match std::fs::metadata(&path) {
        Ok(metadata) => Ok(metadata.len()),
        Err(err) if err.kind() == ErrorKind::NotFound => Ok(0),
        Err(err) => Err(err),
    })
    .await?;

    let mut request = client.get(url);
    if had > 0 {
        request = request.header(RANGE, format!("bytes={had}-"));
    }
    let mut response = request.send().await?;

    let path = part.to_owned();
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
            let file =
                on_disk(move || OpenOptions::new().create(true).append(true).open(&path)).await?;
            (Arc::new(file), had)
        }
        StatusCode::OK => (Arc::new(on_disk(move || File::create(&path)).await?), 0),
        status => return Err(ResumeError::Status(status)),
    };

    // A plain `File` has no buffer: once a write's job has answered, its bytes are in the file.
    loop {
        match response.chunk().await {
            Ok(Some(piece)) => {
                let file = Arc::clone(&file);
                let written = piece.len() as u64;
                on_disk(move || (&*file).write_all(&piece)).await?;
                size += written;
            }
            Ok(None) => return Ok(size),
            Err(err) => return Err(ResumeError::Http(err)),
        }
    }
}

/// FIRST of `bytes FIRST-LAST/SIZE`, when it is a plain number.
fn first_byte(content_range: &str) -> Option<u64> {
    let (first, _) = content_range.strip_prefix("bytes ")?.split_once('-')?;
    if first.is_empty() || !first.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    first.parse().ok()
}
