//! Correct: one `OpenOptions` whose flags are worked out from the status, the valid way round:
//! `write` + `create` always, `append` for a 206 and `truncate` for a 200 (never both, which
//! `OpenOptions` refuses); each piece written with `write_all_buf`, and on every way out a `flush`
//! (which waits for the `File`'s last write and reports its error) then `sync_data`.
//! An unasked 206 from byte 0 is appended (the part is created): the contract's first choice.

use std::io::ErrorKind;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::{Client, StatusCode};
use tokio::fs::OpenOptions;
use tokio::io::AsyncWriteExt;

/// Where the body of an answer goes.
#[derive(Clone, Copy)]
enum Place {
    /// After the `had` bytes already in the part.
    After(u64),
    /// Over the part, emptied.
    Over,
}

/// Whether `text` is `bytes FIRST-LAST/SIZE` (SIZE a number or `*`) with FIRST equal to `had`.
fn starts_at(text: &str, had: u64) -> bool {
    let Some(rest) = text.strip_prefix("bytes ") else {
        return false;
    };
    let Some((span, size)) = rest.split_once('/') else {
        return false;
    };
    let Some((first, last)) = span.split_once('-') else {
        return false;
    };
    let (Ok(first), Ok(last)) = (first.parse::<u64>(), last.parse::<u64>()) else {
        return false;
    };
    let size_ok = size == "*" || size.parse::<u64>().is_ok();
    first == had && first <= last && size_ok
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

    let into = match response.status() {
        StatusCode::OK => Place::Over,
        StatusCode::PARTIAL_CONTENT => {
            let content_range = match response.headers().get(CONTENT_RANGE) {
                Some(value) => value.to_str().unwrap_or_default().to_owned(),
                None => String::new(),
            };
            if !starts_at(&content_range, had) {
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range,
                });
            }
            Place::After(had)
        }
        status => return Err(ResumeError::Status(status)),
    };

    let resumed = matches!(into, Place::After(_));
    let mut file = OpenOptions::new()
        .write(true)
        .create(true)
        .append(resumed)
        .truncate(!resumed)
        .open(part)
        .await?;
    let mut size = match into {
        Place::After(from) => from,
        Place::Over => 0,
    };

    let outcome = loop {
        match response.chunk().await {
            Ok(Some(mut piece)) => {
                let length = piece.len() as u64;
                if let Err(err) = file.write_all_buf(&mut piece).await {
                    break Err(ResumeError::File(err));
                }
                size += length;
            }
            Ok(None) => break Ok(size),
            Err(err) => break Err(ResumeError::Http(err)),
        }
    };
    file.flush().await?;
    file.sync_data().await?;
    outcome
}
