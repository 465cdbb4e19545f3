//! Wrong: breaks "`200 OK`: the server sends the whole file from its first byte (it ignored the range, or the file changed): `part` is emptied, then the body written from the start" (and `Ok(size)`), on every call made after the runtime of the process's first call was dropped.
//! The learner writes the part with a plain `std::fs::File` on tokio's blocking pool, and looks the pool up once, the Python habit of a module-level `loop = asyncio.get_event_loop()` followed by `loop.run_in_executor(None, f.write, chunk)`: the first call's `Handle::current()` is kept in a `static OnceLock` and every disk job (size, open, write, flush) goes through it.
//! A `Handle` is not "the runtime of the process" but of the runtime it came from: once that runtime is dropped, its blocking pool is shut down, a job handed to it is cancelled at once, and every later call fails with `ResumeError::File` (or never ends), on a runtime of its own that is perfectly alive.

use std::fs::{File, OpenOptions};
use std::io::{ErrorKind, Write};
use std::path::Path;
use std::sync::OnceLock;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, HeaderValue, RANGE};
use reqwest::{Client, StatusCode};
use tokio::runtime::Handle;

/// The blocking pool that does the disk work, looked up once for the whole program.
static DISK: OnceLock<Handle> = OnceLock::new();

/// Runs blocking disk work on the program's blocking pool.
async fn on_disk<T, F>(work: F) -> std::io::Result<T>
where
    F: FnOnce() -> std::io::Result<T> + Send + 'static,
    T: Send + 'static,
{
    let disk = DISK.get_or_init(Handle::current);
    disk.spawn_blocking(work)
        .await
        .map_err(std::io::Error::from)?
}

/// A number made of ASCII digits only.
fn number(text: &str) -> Option<u64> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// Whether `bytes FIRST-LAST/SIZE` starts at `n` (SIZE a number or `*`).
fn starts_at(text: &str, n: u64) -> bool {
    let Some((unit, rest)) = text.split_once(' ') else {
        return false;
    };
    if !unit.eq_ignore_ascii_case("bytes") {
        return false;
    }
    let Some((span, size)) = rest.split_once('/') else {
        return false;
    };
    let Some((first, last)) = span.split_once('-') else {
        return false;
    };
    let (Some(first), Some(last)) = (number(first), number(last)) else {
        return false;
    };
    if first != n || last < first {
        return false;
    }
    size == "*" || number(size).is_some_and(|size| last < size)
}

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let path = part.to_path_buf();
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

    let (append, mut size) = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let value = response.headers().get(CONTENT_RANGE);
            let good = value
                .and_then(|value| value.to_str().ok())
                .is_some_and(|text| starts_at(text, had));
            if !good {
                let content_range = value
                    .map(HeaderValue::as_bytes)
                    .map(String::from_utf8_lossy)
                    .unwrap_or_default()
                    .into_owned();
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range,
                });
            }
            (true, had)
        }
        StatusCode::OK => (false, 0),
        status => return Err(ResumeError::Status(status)),
    };

    let path = part.to_path_buf();
    let mut file = on_disk(move || {
        if append {
            OpenOptions::new().create(true).append(true).open(&path)
        } else {
            File::create(&path)
        }
    })
    .await?;

    let outcome = loop {
        match response.chunk().await {
            Ok(Some(piece)) => {
                let len = piece.len() as u64;
                file = on_disk(move || {
                    file.write_all(&piece)?;
                    Ok(file)
                })
                .await?;
                size += len;
            }
            Ok(None) => break Ok(size),
            Err(err) => break Err(ResumeError::Http(err)),
        }
    };
    on_disk(move || file.flush()).await?;
    outcome
}
