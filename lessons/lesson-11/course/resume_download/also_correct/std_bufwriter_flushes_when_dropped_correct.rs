//! Correct: the part is a plain `std::fs::File` behind `std`'s `BufWriter` (8 KiB), moved into a `spawn_blocking` job for each piece and handed back, and the call leans on a difference between the two `BufWriter`s: `std`'s flushes itself when dropped, tokio's does not.
//!
//! Every way the function returns by itself flushes explicitly (`into_inner`, so a failed last
//! write, `/dev/full`, is `Err(ResumeError::File(..))`); the body's break is kept as a value and
//! returned after that flush. When the caller drops the call, nothing is awaited: the writer is
//! either in the future (between pieces), and dropping it flushes what it holds at once, or in the
//! blocking job (mid-piece), which finishes the piece and drops the writer there. Either way the
//! part holds exactly the bytes that arrived, and never grows after that. Pieces of 8 KiB or more
//! go straight to the file; smaller ones wait in the buffer, at most 8 KiB of them, as tokio's own
//! `BufWriter` would. A `206` to a request that asked no range is refused as `WrongRange`.
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

use std::io::{ErrorKind, Write};
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};

/// The part, behind `std`'s buffer (which writes out what it holds when dropped).
type Writer = std::io::BufWriter<std::fs::File>;

/// Runs a piece of blocking file work on tokio's blocking pool.
async fn blocking<T: Send + 'static>(
    job: impl FnOnce() -> std::io::Result<T> + Send + 'static,
) -> std::io::Result<T> {
    tokio::task::spawn_blocking(job)
        .await
        .map_err(std::io::Error::other)?
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

    let appending = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .and_then(|value| value.to_str().ok())
                .unwrap_or_default()
                .to_owned();
            match lesson_11::parse_content_range(&content_range) {
                Some((first, _)) if had > 0 && first == had => true,
                _ => {
                    return Err(ResumeError::WrongRange {
                        asked: had,
                        content_range,
                    });
                }
            }
        }
        StatusCode::OK => false,
        status => return Err(ResumeError::Status(status)),
    };

    let path = part.to_path_buf();
    let mut writer: Writer = blocking(move || {
        let file = if appending {
            std::fs::OpenOptions::new().append(true).open(path)?
        } else {
            std::fs::File::create(path)?
        };
        Ok(std::io::BufWriter::new(file))
    })
    .await?;
    let mut size = if appending { had } else { 0 };

    let broke = loop {
        match response.chunk().await {
            Ok(Some(piece)) => {
                let length = piece.len() as u64;
                writer = blocking(move || {
                    let mut writer = writer;
                    writer.write_all(&piece)?;
                    Ok(writer)
                })
                .await?;
                size += length;
            }
            Ok(None) => break None,
            Err(err) => break Some(err),
        }
    };
    // Out on our own: flush explicitly, so that an error writing the last bytes is reported.
    blocking(move || {
        writer
            .into_inner()
            .map(drop)
            .map_err(|err| err.into_error())
    })
    .await?;
    match broke {
        Some(err) => Err(ResumeError::Http(err)),
        None => Ok(size),
    }
}
