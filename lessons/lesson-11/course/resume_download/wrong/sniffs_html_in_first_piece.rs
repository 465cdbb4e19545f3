//! Wrong: breaks "`200 OK`: the server sends the whole file from its first byte (it ignored the range, or the file changed): `part` is emptied, then the body written from the start"
//! The captive-portal guard, done "properly": the learner knows a `Content-Type` lies (a file
//! served as `text/html` is still a file), so instead of the header they look at what the bytes
//! are, as `file(1)` does: a `200` whose first piece begins with `<!DOCTYPE html` or `<html` is
//! a login or error page, reported as `Status(200)` with the part kept for a later resume. But
//! the file being downloaded may itself be an HTML page (a saved site, a report, docs): its 200
//! is then refused and the part never becomes the file.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// Whether `piece` begins like an HTML page (after any leading white space).
fn looks_like_html(piece: &[u8]) -> bool {
    let start = piece
        .iter()
        .position(|byte| !byte.is_ascii_whitespace())
        .unwrap_or(piece.len());
    let head = &piece[start..];
    let head = head[..head.len().min(14)].to_ascii_lowercase();
    head.starts_with(b"<!doctype html") || head.starts_with(b"<html")
}

/// FIRST of a `Content-Range` of the form `bytes FIRST-LAST/SIZE` (SIZE a number or `*`, LAST
/// not before FIRST); `None` for any other text.
fn first_byte(text: &str) -> Option<u64> {
    let (span, size) = text.strip_prefix("bytes ")?.split_once('/')?;
    if size != "*" && size.parse::<u64>().is_err() {
        return None;
    }
    let (first, last) = span.split_once('-')?;
    let (first, last): (u64, u64) = (first.parse().ok()?, last.parse().ok()?);
    (first <= last).then_some(first)
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

    // For a 200 the first piece is looked at before the part is thrown away; it is kept here
    // and written first.
    let mut pending = None;
    let (mut file, mut size) = match response.status() {
        StatusCode::PARTIAL_CONTENT => {
            let content_range = response
                .headers()
                .get(CONTENT_RANGE)
                .and_then(|value| value.to_str().ok())
                .unwrap_or("")
                .to_owned();
            let first = first_byte(&content_range);
            if first != Some(had) {
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
        StatusCode::OK => {
            let first = response.chunk().await;
            if let Ok(Some(piece)) = &first {
                if looks_like_html(piece) {
                    // An error page dressed as the file: keep the part for a later resume.
                    return Err(ResumeError::Status(StatusCode::OK));
                }
            }
            pending = Some(first);
            (File::create(part).await?, 0)
        }
        status => return Err(ResumeError::Status(status)),
    };

    let outcome = loop {
        let next = match pending.take() {
            Some(first) => first,
            None => response.chunk().await,
        };
        match next {
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
