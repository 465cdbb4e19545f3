//! Wrong: breaks "N bytes, where N is the file's size now" and "its body is appended to `part`" (with "`200 OK`: `part` is emptied, then the body written from the start")
//! The learner thinks of a path the way Python's `open(part, "ab")` does, as a string: the
//! `&Path` is turned into a `String` once at the top (`to_string_lossy`, "it never fails") and
//! small helpers taking `&str` do the file work. For every UTF-8 name that is the same file; for
//! a part whose name is not UTF-8 (a Latin-1 `é` on Linux), the lossy string names another file
//! (`\u{FFFD}` in place of the byte): the real part is never looked at nor written.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;

/// The size of the part at `path`, 0 when there is none.
async fn part_size(path: &str) -> std::io::Result<u64> {
    match tokio::fs::metadata(path).await {
        Ok(metadata) => Ok(metadata.len()),
        Err(err) if err.kind() == ErrorKind::NotFound => Ok(0),
        Err(err) => Err(err),
    }
}

/// The part, opened to append to it (`keep`) or emptied.
async fn open_part(path: &str, keep: bool) -> std::io::Result<File> {
    if keep {
        OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .await
    } else {
        File::create(path).await
    }
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
    let path: String = part.to_string_lossy().into_owned();

    let had = part_size(&path).await?;
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
            let first = first_byte(&content_range);
            if first != Some(had) {
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range,
                });
            }
            (open_part(&path, true).await?, had)
        }
        StatusCode::OK => (open_part(&path, false).await?, 0),
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
