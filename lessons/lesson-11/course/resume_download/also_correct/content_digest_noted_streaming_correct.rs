//! Correct: a checksum kept on the way, the lesson's way, without reading anything back: every piece this call writes is also fed to a SHA-256, and when the answer carries an RFC 9530 `Content-Digest` with a `sha-256` member (the digest of this answer's own content: the 206's bytes for a `206`, the whole file for a `200`), the streamed digest is put in base64 (encoded by hand, there is no base64 crate here) and compared with it once the body is all in and flushed; a mismatch, or a header that cannot be read, is only reported on stderr, and the call returns `Ok(size)` as the contract says.
//!
//! Unusual, but it changes no outcome: the hash sees the same slices `write_all` takes, before
//! the size is counted, and costs no second pass over the part (which could be gigabytes); the
//! header is looked at only after the flush, on the success path, so a break, a failed write
//! and every refused answer return exactly as the reference does. The base64 encoder works on
//! `chunks(3)` with `get` and a 64-entry table indexed by six-bit values, so it cannot panic.
//! Everything else is the reference shape: the lesson's `parse_content_range` judges a `206`,
//! a `206` to a request that asked no range is refused, a `200` empties the part with
//! `File::create`, and the loop matches on `chunk()` so that a break still reaches the flush.
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
use sha2::{Digest, Sha256};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// RFC 9530's digest of the content this answer carries.
const CONTENT_DIGEST: &str = "content-digest";

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
                    let file = OpenOptions::new()
                        .create(true)
                        .append(true)
                        .open(part)
                        .await?;
                    (file, had)
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
    let announced = response
        .headers()
        .get(CONTENT_DIGEST)
        .map(|value| String::from_utf8_lossy(value.as_bytes()).into_owned());

    // The digest of this answer's content, as it passes.
    let mut hasher = Sha256::new();
    let outcome = loop {
        match response.chunk().await {
            Ok(Some(piece)) => {
                if let Err(err) = file.write_all(&piece).await {
                    break Err(ResumeError::File(err));
                }
                hasher.update(&piece);
                size += piece.len() as u64;
            }
            Ok(None) => break Ok(size),
            Err(err) => break Err(ResumeError::Http(err)),
        }
    };
    file.flush().await?;
    let size = outcome?;

    if let Some(announced) = announced {
        let digest: [u8; 32] = hasher.finalize().into();
        let ours = base64(&digest);
        match sha256_member(&announced) {
            Some(theirs) if theirs == ours => {}
            Some(theirs) => eprintln!(
                "{}: this answer's SHA-256 is {ours}, its Content-Digest says {theirs}",
                part.display()
            ),
            None => eprintln!(
                "{}: no sha-256 in `Content-Digest: {announced}`; not checked",
                part.display()
            ),
        }
    }
    Ok(size)
}

/// The base64 of the `sha-256` member of a `Content-Digest` (`sha-256=:BASE64:`), if there is one.
fn sha256_member(field: &str) -> Option<&str> {
    field.split(',').find_map(|member| {
        let (key, value) = member.split_once('=')?;
        if !key.trim().eq_ignore_ascii_case("sha-256") {
            return None;
        }
        value.trim().strip_prefix(':')?.strip_suffix(':')
    })
}

/// Standard base64, with padding.
fn base64(bytes: &[u8]) -> String {
    const TABLE: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for group in bytes.chunks(3) {
        let byte = |index: usize| u32::from(group.get(index).copied().unwrap_or(0));
        let joined = (byte(0) << 16) | (byte(1) << 8) | byte(2);
        let sextets = [joined >> 18, joined >> 12, joined >> 6, joined];
        // One byte gives two characters, two give three, three give four.
        for (place, sextet) in sextets.into_iter().enumerate() {
            if place <= group.len() {
                out.push(char::from(TABLE[(sextet & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}
