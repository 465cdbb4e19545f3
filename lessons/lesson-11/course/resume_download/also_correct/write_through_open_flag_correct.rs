//! Correct: the part is opened for synchronous data writes (`O_DSYNC`, through tokio's `OpenOptions::custom_flags` on Linux; Windows' `FILE_FLAG_WRITE_THROUGH`), so each write returns only once its bytes are on the disk, and no `sync_all` is needed after the loop; tokio's own write is still finished with `flush` on every way out.
//!
//! Written by someone used to `FileOptions.WriteThrough` in .NET: the part is opened once, with the
//! flags worked out from the answer (`append` for a right `206`; `write`, `create`, `truncate` for a
//! `200`) plus `O_DSYNC`, and every piece goes through it with `write_all`. Every `206` to a
//! request that asked no range is refused as `WrongRange` (one of the two permitted choices). On
//! targets where the flag's value is not known here, the part is opened without it and synced
//! with `sync_data` at the end instead. What reaches the part, when, and the size returned are
//! those of the reference; only the moment each byte is on the platter differs.
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

/// Linux's `O_DSYNC` (the same on x86, x86-64, Arm and AArch64, RISC-V): each `write` returns once
/// its data is on the disk.
#[cfg(all(
    target_os = "linux",
    any(
        target_arch = "x86_64",
        target_arch = "x86",
        target_arch = "aarch64",
        target_arch = "arm",
        target_arch = "riscv64"
    )
))]
const WRITE_THROUGH: Option<i32> = Some(0o10000);
#[cfg(not(all(
    target_os = "linux",
    any(
        target_arch = "x86_64",
        target_arch = "x86",
        target_arch = "aarch64",
        target_arch = "arm",
        target_arch = "riscv64"
    )
)))]
const WRITE_THROUGH: Option<i32> = None;

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

    // Where the body goes: after the part's bytes (a right 206), or over an emptied part (a 200).
    let mut options = OpenOptions::new();
    let start = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .and_then(|value| value.to_str().ok())
                .unwrap_or_default()
                .to_owned();
            match lesson_11::parse_content_range(&content_range) {
                Some((first, _)) if had > 0 && first == had => {
                    options.create(true).append(true);
                    had
                }
                _ => {
                    return Err(ResumeError::WrongRange {
                        asked: had,
                        content_range,
                    });
                }
            }
        }
        StatusCode::OK => {
            options.write(true).create(true).truncate(true);
            0
        }
        status => return Err(ResumeError::Status(status)),
    };
    write_through(&mut options);
    let mut file: File = options.open(part).await?;

    let mut size = start;
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
    // tokio's `File` hands each write to a blocking thread: wait for the last one. With the
    // write-through flag, that write returned only once its bytes were on the disk.
    file.flush().await?;
    if WRITE_THROUGH.is_none() {
        file.sync_data().await?;
    }
    outcome
}

/// Adds the write-through flag to `options`, where there is one.
#[cfg(unix)]
fn write_through(options: &mut OpenOptions) {
    if let Some(flag) = WRITE_THROUGH {
        options.custom_flags(flag);
    }
}

#[cfg(not(unix))]
fn write_through(_options: &mut OpenOptions) {}
