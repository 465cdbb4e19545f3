//! Wrong: breaks "a `206` whose `Content-Range` starts elsewhere, or that has none, is `Err(ResumeError::WrongRange { asked: N, content_range })` (the header's text, or `""`), and `part` is left as it was" for a part of more than 2^53 bytes answered from a byte next to N (a sparse part of 9,007,199,254,740,993 bytes, which tmpfs or XFS hold, answered `206` with `Content-Range: bytes 9007199254740992-9007199254749998/9007199254750000`, one byte before N): both numbers round to the same `f64`, the 206 is taken as the rest and appended one byte off, every later byte shifted; and for a `Content-Range` not of the form `bytes N-LAST/SIZE` whose numbers are decimals or exponents (`bytes 5003.0-6999/7000`, `bytes 5.003e3-6999/7000` to a part of 5,003 bytes), which is appended where it must be refused.
//!
//! The learner comes from JavaScript, where every number is a double (`Number(first) === size`), and parsed the three numbers of `Content-Range` as `f64` so as to check `FIRST <= LAST < SIZE` and show a percentage with the same values. Every test file, 5 GB or 20 TB, is far below 2^53 bytes, and servers write plain digits, so every manual test passes.
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
use reqwest::{Client, Response, StatusCode};
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
            let content_range = content_range_text(&response);
            match numbers(&content_range) {
                Some((first, last, total)) if had > 0 && first == had as f64 => {
                    if let Some(total) = total {
                        eprintln!(
                            "resuming at {:.1} % ({first}-{last}/{total})",
                            100.0 * first / total
                        );
                    }
                }
                _ => {
                    return Err(ResumeError::WrongRange {
                        asked: had,
                        content_range,
                    });
                }
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

/// The `Content-Range` as text, or `""` when there is none (or it is not visible ASCII).
fn content_range_text(response: &Response) -> String {
    response
        .headers()
        .get(CONTENT_RANGE)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

/// `bytes FIRST-LAST/SIZE` as numbers (SIZE `None` for `*`), when FIRST <= LAST < SIZE.
fn numbers(content_range: &str) -> Option<(f64, f64, Option<f64>)> {
    let (range, total) = content_range
        .trim()
        .strip_prefix("bytes ")?
        .split_once('/')?;
    let (first, last) = range.split_once('-')?;
    let first: f64 = first.parse().ok()?;
    let last: f64 = last.parse().ok()?;
    let total: Option<f64> = match total {
        "*" => None,
        total => Some(total.parse().ok()?),
    };
    let fits = first <= last && total.is_none_or(|total| last < total);
    fits.then_some((first, last, total))
}
