//! Correct: no append mode and no cursor: the part is one plain `std::fs::File` opened for writing
//! (neither `append` nor `truncate`), shortened to 0 with `set_len` for a `200`, and every piece is
//! written at its own offset with `FileExt::write_all_at` (`pwrite`), starting at N for a `206` and
//! at 0 for a `200`; a `pwrite` is done when it returns, so there is nothing left to flush. The
//! status is matched on its number with a catch-all, so a `101` or a `999` is `Status` like any
//! other.

use std::fs::OpenOptions;
use std::io::ErrorKind;
use std::os::unix::fs::FileExt;
use std::path::Path;

use lesson_11::ResumeError;
use reqwest::Client;
use reqwest::header::{CONTENT_RANGE, RANGE};

/// Where a `206`'s body starts, if its `Content-Range` is `bytes FIRST-LAST/SIZE` (SIZE a number or `*`).
fn first_byte(text: &str) -> Option<u64> {
    let (unit, rest) = text.split_once(' ')?;
    if unit != "bytes" {
        return None;
    }
    let (span, size) = rest.split_once('/')?;
    if size != "*" {
        size.parse::<u64>().ok()?;
    }
    let (first, last) = span.split_once('-')?;
    let first: u64 = first.parse().ok()?;
    let last: u64 = last.parse().ok()?;
    (first <= last).then_some(first)
}

/// Finishes the download of `url` into `part`, from where an earlier attempt stopped.
pub async fn resume_download(client: &Client, url: &str, part: &Path) -> Result<u64, ResumeError> {
    let had = match tokio::fs::metadata(part).await {
        Ok(metadata) => metadata.len(),
        Err(err) if err.kind() == ErrorKind::NotFound => 0,
        Err(err) => return Err(err.into()),
    };

    let request = if had > 0 {
        client.get(url).header(RANGE, format!("bytes={had}-"))
    } else {
        client.get(url)
    };
    let mut response = request.send().await?;

    // Where the body's first byte goes in the part.
    let start = match response.status().as_u16() {
        206 => {
            let header = response.headers().get(CONTENT_RANGE);
            let text = header.and_then(|value| value.to_str().ok()).unwrap_or("");
            if first_byte(text) != Some(had) {
                return Err(ResumeError::WrongRange {
                    asked: had,
                    content_range: text.to_owned(),
                });
            }
            had
        }
        200 => 0,
        _ => return Err(ResumeError::Status(response.status())),
    };

    let file = OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(false)
        .open(part)?;
    if start == 0 {
        // A 200 (or a 206 from byte 0 to a part that is empty anyway): nothing of the old part stays.
        file.set_len(0)?;
    }

    let mut offset = start;
    loop {
        match response.chunk().await {
            Ok(Some(piece)) => {
                file.write_all_at(&piece, offset)?;
                offset += piece.len() as u64;
            }
            Ok(None) => return Ok(offset),
            // Every piece before the break is already in the part: `write_all_at` keeps no buffer.
            Err(err) => return Err(ResumeError::Http(err)),
        }
    }
}
