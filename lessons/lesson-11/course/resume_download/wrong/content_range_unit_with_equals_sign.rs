//! Wrong: breaks "a `206` whose `Content-Range` starts elsewhere, or that has none, is `Err(ResumeError::WrongRange { asked: N, content_range })` ... and `part` is left as it was" (the form is `bytes N-LAST/SIZE`)
//! The learner kept mixing up the two headers: the request says `Range: bytes=5003-`, the answer
//! `Content-Range: bytes 5003-…/…`, and having once seen a script echo the request's form back
//! (`Content-Range: bytes=5003-9999/10000`), they accept either separator after the unit, "to be
//! lenient with servers". Everything else is strict: the unit must be `bytes`, FIRST must be N in
//! plain digits, LAST and SIZE must be numbers (or `*`), so `items 5003-…`, `bytes */5003`, the en
//! dash, `bytes 15003-…` and the rest the paragraph lists are all refused. Reveal: a 206 to
//! `bytes=5003-` whose `Content-Range` is `bytes=5003-70000/70001` (the request's syntax, not
//! `Content-Range`'s): it must be `WrongRange` with the part untouched; this appends.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
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
                .unwrap_or("")
                .to_owned();
            if first_byte(&content_range) != Some(had) {
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

/// FIRST of `bytes FIRST-LAST/SIZE` (SIZE a number or `*`), or `None` for any other form.
/// Servers are not all careful: `bytes=FIRST-LAST/SIZE`, the `Range` header's way, is taken too.
fn first_byte(content_range: &str) -> Option<u64> {
    let after_unit = content_range.strip_prefix("bytes")?;
    let rest = after_unit
        .strip_prefix(' ')
        .or_else(|| after_unit.strip_prefix('='))?;
    let (span, total) = rest.split_once('/')?;
    let (first, last) = span.split_once('-')?;
    let (first, last) = (number(first)?, number(last)?);
    if last < first {
        return None;
    }
    if total != "*" && number(total)? <= last {
        return None;
    }
    Some(first)
}

/// Plain decimal digits only (no sign, no spaces).
fn number(text: &str) -> Option<u64> {
    if text.is_empty() || !text.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}
