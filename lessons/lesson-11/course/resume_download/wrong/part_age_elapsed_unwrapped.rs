//! Wrong: breaks "- no panic." (and with it "one GET of `url` through `client`, with `Range: bytes=N-` when N is over 0") for a part whose modification time is ahead of the machine's clock (5,003 bytes of `/files/7000` whose mtime is an hour from now: a part copied with `cp -p`, `rsync -t` or `tar` from a machine whose clock runs ahead, or kept on a network share whose server stamps the times, or touched with `touch -d tomorrow`): `SystemTime::elapsed` is an `Err` for a time in the future, the `expect` panics, and no request is sent.
//!
//! The learner logs how old the part being resumed is ("resuming x.part: 5003 bytes, last
//! written 42 s ago"), since a part from a long-gone attempt is worth a word, and takes the age
//! from `metadata.modified()?.elapsed()`, sure that a file's last write is in the past. Every
//! part a test writes is.
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

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let (had, written) = match tokio::fs::metadata(part).await {
        Ok(metadata) => (metadata.len(), metadata.modified().ok()),
        Err(err) if err.kind() == ErrorKind::NotFound => (0, None),
        Err(err) => return Err(ResumeError::File(err)),
    };
    if had > 0
        && let Some(written) = written
    {
        let age = written.elapsed().expect("the part was written before now");
        eprintln!(
            "resuming {}: {had} bytes, last written {} s ago",
            part.display(),
            age.as_secs()
        );
    }
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
            if had == 0 || first_byte(&content_range) != Some(had) {
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
    file.flush().await?;
    outcome
}

/// FIRST of `bytes FIRST-LAST/SIZE`.
fn first_byte(content_range: &str) -> Option<u64> {
    let (first, _) = content_range.strip_prefix("bytes ")?.split_once('-')?;
    first.parse().ok()
}
