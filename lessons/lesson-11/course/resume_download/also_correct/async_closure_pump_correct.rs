//! Correct: the writing is an async closure (stable since Rust 1.85, edition 2024), `put`, which borrows the part's `File` and writes one piece through it; the loop calls `put(&piece).await` for each piece as it arrives, and once the closure is no longer used the same handle is flushed, then synced, on every way out, the flush first so that a failed last write is reported (tokio's `sync_all` alone would wait for it but keep its error aside).
//!
//! The learner came from JavaScript, where the writer is a small `async (chunk) => ...` kept
//! beside the loop; Rust 2024 lets it be written the same way. Everything else is the
//! contract's plain reading: the size read first (missing is 0), `Range: bytes=N-` only for a
//! part that holds bytes, the answer judged before the part is touched (`append` for a `206`
//! from byte N, `File::create` for a `200`, anything else an error with the part untouched,
//! every `206` to a request that asked no range refused), and the size counted from where the
//! body starts.
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

use lesson_11::{ResumeError, parse_content_range};
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

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
                .and_then(|value| value.to_str().ok())
                .unwrap_or_default()
                .to_owned();
            match parse_content_range(&content_range) {
                Some((first, _)) if had > 0 && first == had => {
                    (OpenOptions::new().append(true).open(part).await?, had)
                }
                _ => {
                    return Err(ResumeError::WrongRange {
                        asked: had,
                        content_range,
                    });
                }
            }
        }
        StatusCode::OK => (File::create(part).await?, 0),
        status => return Err(ResumeError::Status(status)),
    };

    let outcome = {
        let mut put = async |bytes: &[u8]| file.write_all(bytes).await;
        loop {
            match response.chunk().await {
                Ok(Some(piece)) => {
                    if let Err(err) = put(&piece).await {
                        break Err(ResumeError::File(err));
                    }
                    size += piece.len() as u64;
                }
                Ok(None) => break Ok(size),
                Err(err) => break Err(ResumeError::Http(err)),
            }
        }
    };
    // The flush reports a last write that failed; only then is the part put on the disk.
    file.flush().await?;
    file.sync_all().await?;
    outcome
}
