//! Wrong: breaks "`200 OK`: the server sends the whole file from its first byte (it ignored the range, or the file changed): `part` is emptied, then the body written from the start" for a `200` over a part that holds bytes (a part of 5,003 bytes of `/files/7000`, a server that ignores ranges): on Linux the part ends with the right length and the wrong bytes, its first 5,003 those of the old part.
//!
//! One `std::fs::File` opened `create(true).append(true)` serves both answers, and every piece is
//! written where it belongs with a positional write (`FileExt::write_all_at(piece, offset)`, on
//! tokio's blocking pool, each awaited before the next piece is read): offset N + written for a
//! `206`, 0 + written for a `200`; instead of emptying the part first, a `200` cuts the part to
//! what it wrote (`set_len`) on every way out, "the positional writes overwrite the old bytes
//! anyway". But `pwrite(2)` on a file opened with `O_APPEND` appends on Linux, whatever the offset
//! (the man page's BUGS section): the `200`'s body lands after the old bytes, and the cut keeps
//! the old bytes and the first 1,997 new ones. A fresh download and a `206` come out right.
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
use std::sync::Arc;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};

/// Runs a piece of blocking file work on tokio's blocking pool.
async fn blocking<T: Send + 'static>(
    job: impl FnOnce() -> std::io::Result<T> + Send + 'static,
) -> std::io::Result<T> {
    tokio::task::spawn_blocking(job)
        .await
        .map_err(std::io::Error::other)?
}

#[cfg(unix)]
fn write_at(file: &std::fs::File, piece: &[u8], offset: u64) -> std::io::Result<()> {
    use std::os::unix::fs::FileExt;
    file.write_all_at(piece, offset)
}

#[cfg(not(unix))]
fn write_at(file: &std::fs::File, piece: &[u8], offset: u64) -> std::io::Result<()> {
    use std::io::{Seek, SeekFrom, Write};
    let mut file = file;
    file.seek(SeekFrom::Start(offset))?;
    file.write_all(piece)
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

    // Where the body starts in the part.
    let start = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .and_then(|value| value.to_str().ok())
                .unwrap_or_default()
                .to_owned();
            match lesson_11::parse_content_range(&content_range) {
                Some((first, _)) if had > 0 && first == had => had,
                _ => {
                    return Err(ResumeError::WrongRange {
                        asked: had,
                        content_range,
                    });
                }
            }
        }
        StatusCode::OK => 0,
        status => return Err(ResumeError::Status(status)),
    };

    let path = part.to_path_buf();
    let file = Arc::new(
        blocking(move || {
            std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(path)
        })
        .await?,
    );
    let mut size = start;
    let outcome = loop {
        match response.chunk().await {
            Ok(Some(piece)) => {
                let length = piece.len() as u64;
                let file = Arc::clone(&file);
                let offset = size;
                if let Err(err) = blocking(move || write_at(&file, &piece, offset)).await {
                    break Err(ResumeError::File(err));
                }
                size += length;
            }
            Ok(None) => break Ok(size),
            Err(err) => break Err(ResumeError::Http(err)),
        }
    };
    // The part ends where the body's last byte went: nothing of an older file is left after it.
    blocking(move || {
        file.set_len(size)?;
        file.sync_all()
    })
    .await?;
    outcome
}
