//! Wrong: breaks "`206 Partial Content` whose `Content-Range` starts at byte N (`bytes N-LAST/SIZE`, SIZE being `*` when the server does not know it): its body is appended to `part`" for a right 206 whose `Content-Disposition` offers a file name the part's name does not start with (a part `{tmp}/file.bin.part` of 5,003 bytes of `/files/7000`, answered `206` with `Content-Range: bytes 5003-6999/7000` and `Content-Disposition: attachment; filename="report-2024.pdf"`, as a download endpoint behind `/files/7000` or a presigned storage address sends): the part is judged to come from another download and the 206 is refused as `Err(ResumeError::WrongRange { asked: 5003, content_range: "bytes 5003-6999/7000" })`.
//!
//! The learner wanted to guard against "a partial file from another download" (browsers name a part after the file they save, `report-2024.pdf.crdownload`), and compared the name the server offers with the part's. But the caller chose the part's name, and the server's suggested name says nothing about whether the part's bytes are the start of this file: the contract asks for every 206 from byte N to be appended. A name given only as raw UTF-8 bytes, or only as `filename*=`, is not read at all, and a manual test with a part named after the file passes.
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
use reqwest::header::{CONTENT_DISPOSITION, CONTENT_RANGE, RANGE};
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
            if !is_the_rest(&content_range, had) {
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range,
                });
            }
            if let Some(offered) = offered_name(&response) {
                if !belongs_to(part, &offered) {
                    // The part was saved for another file: its bytes are not this file's start.
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

/// Whether a 206 with this `Content-Range` is the rest asked for: from byte `had` (over 0).
fn is_the_rest(content_range: &str, had: u64) -> bool {
    matches!(parse_content_range(content_range), Some((first, _)) if had > 0 && first == had)
}

/// The `filename` the answer's `Content-Disposition` offers, when it offers one as text.
fn offered_name(response: &Response) -> Option<String> {
    let value = response.headers().get(CONTENT_DISPOSITION)?.to_str().ok()?;
    value.split(';').find_map(|parameter| {
        let (key, name) = parameter.trim().split_once('=')?;
        let name = name.trim().trim_matches('"');
        (key.trim().eq_ignore_ascii_case("filename") && !name.is_empty()).then(|| name.to_owned())
    })
}

/// Whether the part's file name is that of `offered` (`offered.part`, `offered.crdownload`, …).
fn belongs_to(part: &Path, offered: &str) -> bool {
    match part.file_name().and_then(|name| name.to_str()) {
        Some(name) => name.starts_with(offered),
        None => true,
    }
}
