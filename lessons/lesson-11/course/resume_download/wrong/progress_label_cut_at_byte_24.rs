//! Wrong: breaks "- no panic." for a part whose file name is UTF-8 with a character across its 24th byte (`{tmp}/договор-аренды.pdf.part`, 36 bytes, in Cyrillic; most Greek, Cyrillic, CJK or accented names over 24 bytes): the label is cut with `&name[..24]`, which is not a character boundary, and the call panics ("byte index 24 is not a char boundary") before any request.
//!
//! The learner gives the download a short label for its progress line, as a progress bar's
//! prefix is: the part's file name, cut to 24 bytes so that the line fits. The name is taken with
//! `to_string_lossy`, so a name that is not UTF-8 cannot panic (the checks' `x\xff.part` passes),
//! and every ASCII name, the 250-byte one included, is cut cleanly; only a name whose 24th byte
//! falls inside a character fails, and the checks' names are ASCII or short.
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

/// The longest label a progress line gives a download, in bytes.
const LABEL: usize = 24;

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let name = part
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    let label = &name[..name.len().min(LABEL)];

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
    eprintln!("{label}: from byte {size}");

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
    eprintln!("{label}: {size} bytes in the part");
    outcome
}
