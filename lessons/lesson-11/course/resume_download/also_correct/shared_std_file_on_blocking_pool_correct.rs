//! Correct: no `tokio::fs` at all: the size, the open and every piece go through `spawn_blocking` with plain `std::fs`, the file shared as an `Arc<std::fs::File>` and written through `&File` (`impl Write for &File`), each piece awaited before the next is read; `std`'s `File` has no buffer, so nothing is left to flush; the `Content-Range` start must be ASCII digits (`+5003` is refused, where the reference's `parse` takes it)
//! Every clause holds: the size is read (NotFound is 0) before the request; the status decides
//! before any file work; a `200` empties the part with `File::create`, a right `206` appends
//! (created when N is 0 and the 206 starts at byte 0, one of the two permitted choices); each
//! piece is on disk when its `spawn_blocking` returns, so the part grows as the body arrives, a
//! break returns with every earlier byte written, and `Ok(size)` counts bytes already written.
//! A check that looks for a `flush` or a tokio `File` would reject it by mistake.

use std::fs::{File, OpenOptions};
use std::io::{ErrorKind, Write};
use std::path::Path;
use std::sync::Arc;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let path = part.to_path_buf();
    let had = {
        let path = path.clone();
        blocking(move || match std::fs::metadata(&path) {
            Ok(metadata) => Ok(metadata.len()),
            Err(err) if err.kind() == ErrorKind::NotFound => Ok(0),
            Err(err) => Err(err),
        })
        .await?
    };
    let mut request = client.get(url);
    if had > 0 {
        request = request.header(RANGE, format!("bytes={had}-"));
    }
    let mut response = request.send().await?;

    let append = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .and_then(|value| value.to_str().ok())
                .unwrap_or_default();
            if starts_at(content_range) != Some(had) {
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range: content_range.to_owned(),
                });
            }
            true
        }
        StatusCode::OK => false,
        status => return Err(ResumeError::Status(status)),
    };
    let file: Arc<File> = Arc::new(
        blocking(move || {
            if append {
                OpenOptions::new().create(true).append(true).open(&path)
            } else {
                File::create(&path)
            }
        })
        .await?,
    );

    let mut size = if append { had } else { 0 };
    loop {
        match response.chunk().await {
            Ok(Some(piece)) => {
                let len = piece.len() as u64;
                let file = Arc::clone(&file);
                blocking(move || (&*file).write_all(&piece)).await?;
                size += len;
            }
            Ok(None) => return Ok(size),
            Err(err) => return Err(ResumeError::Http(err)),
        }
    }
}

/// Runs blocking file work on tokio's blocking pool, and waits for it.
async fn blocking<T, F>(job: F) -> std::io::Result<T>
where
    T: Send + 'static,
    F: FnOnce() -> std::io::Result<T> + Send + 'static,
{
    tokio::task::spawn_blocking(job)
        .await
        .map_err(std::io::Error::other)?
}

/// The first byte of `bytes FIRST-LAST/SIZE`: ASCII digits up to the first `-`.
fn starts_at(content_range: &str) -> Option<u64> {
    let rest = content_range.strip_prefix("bytes ")?;
    let (digits, _) = rest.split_once('-')?;
    if digits.is_empty() || !digits.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}
